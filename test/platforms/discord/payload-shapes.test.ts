import { describe, expect, it } from 'vitest';
import { gatewayFrameProblem } from '../../../src/platforms/discord/guard-gateway-packets.js';
import {
  arrayOf,
  describeMismatch,
  flag,
  nullable,
  number,
  object,
  optional,
  positiveNumber,
  present,
  primitive,
  recordOf,
  rule,
  text,
} from '../../../src/platforms/discord/payload-shapes.js';

const problem = (found: ReturnType<typeof text>) => (found ? describeMismatch(found) : undefined);

describe('payload shapes', () => {
  const person = object({ id: text, nick: optional(text), avatar: nullable(text) });

  it('let a fitting object through with the fields they do not name, and leave it as it is', () => {
    const value = { id: '7', avatar: null, banner: 12, flags: [1] };
    const before = structuredClone(value);
    expect(person(value)).toBeUndefined();
    expect(value).toEqual(before);
  });

  it('tell an absent field (optional) from a null one (nullable)', () => {
    expect(problem(person({ id: '7', avatar: 'a' }))).toBeUndefined();
    expect(problem(person({ id: '7', nick: null, avatar: 'a' }))).toBe('nick: expected string, received null');
    expect(problem(person({ id: '7' }))).toBe('avatar: expected string, received undefined');
  });

  it('name the path to the first field that does not fit, through objects, arrays and records', () => {
    const shape = object({ people: arrayOf(person), byId: optional(recordOf(person)) });
    expect(
      problem(
        shape({
          people: [
            { id: '1', avatar: null },
            { id: 2, avatar: null },
          ],
        }),
      ),
    ).toBe('people.1.id: expected string, received number');
    expect(problem(shape({ people: [], byId: { x: { id: '1', avatar: [] } } }))).toBe(
      'byId.x.avatar: expected string, received array',
    );
    expect(problem(shape({ people: {} }))).toBe('people: expected array, received object');
    expect(problem(shape(null))).toBe('expected object, received null');
    expect(problem(shape([]))).toBe('expected object, received array');
  });

  it('take only finite numbers, as JSON.parse reads 1e999 as Infinity', () => {
    expect(number(JSON.parse('1e999'))).toBeDefined();
    expect(number(Number.NaN)).toBeDefined();
    expect(number('1')).toBeDefined();
    expect(number(-2.5)).toBeUndefined();
    expect(positiveNumber(0)).toBeDefined();
    expect(positiveNumber(41250)).toBeUndefined();
  });

  it('want a field present with any value, null too', () => {
    const shape = object({ data: present });
    expect(problem(shape({ data: null }))).toBeUndefined();
    expect(problem(shape({}))).toBe('data: expected a value, received none');
  });

  it('take a primitive of the kinds named only', () => {
    const value = primitive('string', 'number', 'boolean');
    for (const fits of ['a', 0, false]) expect(value(fits)).toBeUndefined();
    for (const wrong of [null, {}, [], Infinity]) expect(value(wrong)).toBeDefined();
    expect(flag('true')).toBeDefined();
  });

  it('check the rules of an object once its fields fit', () => {
    const shape = object(
      { from: number, to: number },
      rule<{ from: number; to: number }>((r) => r.from <= r.to, 'from after to'),
    );
    expect(problem(shape({ from: 1, to: 2 }))).toBeUndefined();
    expect(problem(shape({ from: 3, to: 2 }))).toBe('from after to');
    expect(problem(shape({ from: 'x', to: 2 }))).toBe('from: expected finite number, received string');
  });
});

describe('the gateway frames @discordjs/ws reads itself', () => {
  const ready = {
    session_id: 's',
    resume_gateway_url: 'wss://gateway',
    user: { id: '1' },
    guilds: [{ id: '2' }],
    application: { id: '3' },
  };

  it('lets a whole READY, HELLO and INVALID_SESSION through, and any other dispatch to discord.js', () => {
    expect(gatewayFrameProblem({ op: 0, t: 'READY', s: 1, d: ready })).toBeUndefined();
    expect(gatewayFrameProblem({ op: 10, d: { heartbeat_interval: 41250 } })).toBeUndefined();
    expect(gatewayFrameProblem({ op: 9, d: false })).toBeUndefined();
    expect(gatewayFrameProblem({ op: 0, t: 'GUILD_CREATE', s: 2, d: null })).toBeUndefined();
  });

  it('says what is wrong with one it could not read', () => {
    expect(gatewayFrameProblem({ op: 0, t: 'READY', s: 1, d: { ...ready, guilds: [{}] } })).toBe(
      'op 0 READY: d.guilds.0.id: expected string, received undefined',
    );
    expect(gatewayFrameProblem({ op: 0, t: 'READY', s: 1, d: null })).toBe(
      'op 0 READY: d: expected object, received null',
    );
    expect(gatewayFrameProblem({ op: 10, d: { heartbeat_interval: -1 } })).toBe(
      'op 10: d.heartbeat_interval: expected a number above 0',
    );
    expect(gatewayFrameProblem({ op: 9, d: 'yes' })).toBe('op 9: d: expected boolean, received string');
    expect(gatewayFrameProblem({ op: 0, s: null, d: {} })).toBe('op 0 undefined: t: expected a value, received none');
  });
});
