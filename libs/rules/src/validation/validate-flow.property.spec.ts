import fc from 'fast-check';
import { starterFlows } from '../starter-flows/starter-flows';
import { simulate } from '../simulation/simulate';
import { validateFlow } from './validate-flow';

/** Replaces one value somewhere in a JSON document by arbitrary JSON. */
function mutateAt(document: unknown, pick: number, replacement: unknown): unknown {
  let counter = 0;
  const walk = (value: unknown): unknown => {
    if (counter++ === pick) return replacement;
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    return value;
  };
  return walk(document);
}

describe(validateFlow.name, () => {
  it('should never throw on any JSON input', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (input) => {
        const sut = validateFlow(input);
        expect(Array.isArray(sut.problems)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('should return problems, never throw, for starter flows with one part replaced by any JSON', () => {
    const flows = starterFlows.map((starter) => starter.flow);
    fc.assert(
      fc.property(
        fc.constantFrom(...flows),
        fc.nat(200),
        fc.jsonValue({ maxDepth: 3 }),
        (flow, pick, replacement) => {
          const sut = validateFlow(mutateAt(flow, pick, replacement));
          expect(sut.valid === (sut.problems.length === 0)).toBe(true);
          for (const problem of sut.problems) expect(typeof problem.message).toBe('string');
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe(simulate.name, () => {
  it('should never throw on any JSON input', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (input) => {
        expect(simulate(input).valid).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
