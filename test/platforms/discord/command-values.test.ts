import { ApplicationCommandOptionType, type CommandInteractionOption } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { commandValues } from '../../../src/platforms/discord/answer-command.js';

const { Subcommand, SubcommandGroup, String: Text, Integer } = ApplicationCommandOptionType;

describe('commandValues', () => {
  it('passes the command chosen under /gsef and its option values on, by name, as Discord typed them', () => {
    const options: CommandInteractionOption[] = [
      {
        name: 'next-event',
        type: Subcommand,
        options: [
          { name: 'region', type: Text, value: 'africa' },
          { name: 'month', type: Text, value: '7' },
        ],
      },
    ];
    expect(commandValues(options)).toEqual({
      command: 'next-event',
      values: new Map([
        ['region', 'africa'],
        ['month', '7'],
      ]),
    });
  });

  it('names the subcommand chosen in a group, and passes an integer as a number', () => {
    const options: CommandInteractionOption[] = [
      {
        name: 'newsletter',
        type: SubcommandGroup,
        options: [{ name: 'approve', type: Subcommand, options: [{ name: 'number', type: Integer, value: 12 }] }],
      },
    ];
    expect(commandValues(options)).toEqual({
      command: 'newsletter',
      subcommand: 'approve',
      values: new Map([['number', 12]]),
    });
  });

  it('is help when no command is chosen, and has no values when none are given', () => {
    expect(commandValues([])).toEqual({ command: 'help', values: new Map() });
    expect(commandValues([{ name: 'agenda', type: Subcommand }])).toEqual({ command: 'agenda', values: new Map() });
  });
});
