import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.js';
import { questionReader } from '../../src/dispatch/question-reader.js';
import { questionToCommand } from '../../src/dispatch/question-to-command.js';
import { Translator } from '../../src/i18n/translator.js';
import { ask, itemTitles, realCatalog, realKnowledgeBase } from '../support/test-bot.js';

async function toCommand(question: string, options?: { guess: boolean }) {
  const reader = questionReader(COMMANDS, new Translator((await realCatalog()).locales), await realKnowledgeBase());
  return questionToCommand(question, reader, options);
}

describe('questionToCommand', () => {
  it.each([
    ['when is the next event in Africa?', 'next-event'],
    ['¿Cuál es el próximo evento en Asia?', 'next-event'],
    ['When is the next meeting?', 'agenda'],
    ['quand a lieu la prochaine réunion du comité directeur ?', 'agenda'],
    ['who is on the steering committee?', 'members'],
    ['qué pasa en julio en Colombia', 'events'],
    ['next-event seoul', 'next-event'],
    ['/gsef agenda Q3', 'agenda'],
  ])('reads "%s" as %s', async (question, command) => {
    expect((await toCommand(question))?.split(' ')[0]).toBe(command);
  });

  it.each([
    ['quand a lieu le dialogue politique afrique ?', 'event', 'Africa Policy Dialogue'],
    ['where is the world cities summit?', 'event', 'World Cities Summit'],
    ['¿dónde será el foro social mundial?', 'event', 'World Social Forum – Thematic Forum on Transformative Economy'],
    ['what is RIPESS?', 'member', 'RIPESS'],
    ['qui est Nancy Neamtan ?', 'member', 'Nancy Neamtan'],
    ['who are the advisors to be named?', 'members', '4 matches in the directory'],
  ])('reads "%s" as %s, whose answer is "%s"', async (question, command, title) => {
    const commandText = (await toCommand(question))!;
    expect(commandText.split(' ')[0]).toBe(command);
    expect((await ask('2019-03-01', commandText)).reply.title).toBe(title);
  });

  it.each([
    ['what is the 4th quarter meeting format?', 'Steering Committee, Q4 2019'],
    ['Where does the 3rd quarter steering committee meeting take place?', 'Steering Committee, Q3 2019'],
    ['réunion du troisième trimestre', 'Steering Committee, Q3 2019'],
    ['¿dónde es la reunión del tercer trimestre?', 'Steering Committee, Q3 2019'],
    ['what are the 3 agenda items of the next meeting?', 'Steering Committee, Q1 2019'],
    ['what is the agenda for 2027-01?', 'Steering Committee, Q1 2027'],
    ['where is the face-to-face steering committee meeting?', 'Steering Committee, Q3 2019'],
  ])('finds the meeting "%s" names: %s', async (question, title) => {
    expect((await ask('2019-01-01', (await toCommand(question))!)).reply.title).toBe(title);
  });

  it('guesses from names only when asked to: news that names a city is not a question', async () => {
    const news = 'The City of Bamako opens its first incubator for the social economy';
    expect(await toCommand(news, { guess: false })).toBeUndefined();
    expect(await toCommand(news)).toBeDefined();
  });

  it('gives up on small talk, so the platform can answer with a short help', async () => {
    expect(await toCommand('hello there')).toBeUndefined();
  });

  it('answers a question as the matching command does', async () => {
    const question = (await toCommand('when is the next event in Africa?'))!;
    const viaQuestion = await ask('2019-05-10', question);
    const viaCommand = await ask('2019-05-10', 'next-event africa');
    expect(itemTitles(viaQuestion.reply)).toEqual(itemTitles(viaCommand.reply));
    expect(itemTitles(viaQuestion.reply)).toEqual(['RENAPESS General Assembly', 'Africa Policy Dialogue']);
  });

  it('answers "what is the agenda for Q3?" with the Q3 meeting', async () => {
    const { reply } = await ask('2019-01-10', (await toCommand('what is the agenda for Q3?'))!);
    expect(reply.title).toBe('Steering Committee, Q3 2019');
  });
});
