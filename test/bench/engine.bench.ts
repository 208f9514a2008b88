// `npm run bench:engine`: the health score, tier and at-risk rules over 100,000 customers, evaluated by hand-written
// TypeScript, this engine (compiled JSONLogic), json-logic-js and json-rules-engine, in one run. Not a timed test.
import jsonLogic from 'json-logic-js';
import { Engine } from 'json-rules-engine';
import { compileFormula, compileLogic } from '../../src/engine';
import {
  FORMULA_FIELDS,
  generateCustomers,
  NOW,
  RISK_FORMULA,
  SCORE_FORMULA,
  TIER_FORMULA,
  nativeRisk,
  nativeScore,
  nativeTier,
  RISK_RULE,
  SCORE_RULE,
  TIER_RULE,
} from './customers';
import type { Customer } from './customers';
import { rulesEngineFor } from './rules-engine';
import { bestOf, printTable } from './report';

const ROWS = 100_000;
const RUNS = 5;
const customers = generateCustomers(ROWS);

interface Results {
  scores: Float64Array;
  tiers: string[];
  risks: Uint8Array;
}

function emptyResults(): Results {
  return {
    scores: new Float64Array(ROWS),
    tiers: new Array<string>(ROWS).fill(''),
    risks: new Uint8Array(ROWS),
  };
}

/** Evaluates the three rules for every customer with synchronous evaluators; the score is materialized first. */
function runSync(
  score: (c: Customer) => unknown,
  tier: (c: Customer) => unknown,
  risk: (c: Customer) => unknown,
  out: Results,
): void {
  for (let index = 0; index < ROWS; index++) {
    const customer = customers[index] as Customer;
    const value = score(customer) as number;
    customer.score = value;
    out.scores[index] = value;
    out.tiers[index] = tier(customer) as string;
    out.risks[index] = risk(customer) ? 1 : 0;
  }
}

function mismatches(a: Results, b: Results): number {
  let count = 0;
  for (let index = 0; index < ROWS; index++)
    if (
      a.scores[index] !== b.scores[index] ||
      a.tiers[index] !== b.tiers[index] ||
      a.risks[index] !== b.risks[index]
    )
      count++;
  return count;
}

const native = emptyResults();
const nativeMs = await bestOf(RUNS, () => runSync(nativeScore, nativeTier, nativeRisk, native));

const engine = emptyResults();
const [score, tier, risk] = [SCORE_RULE, TIER_RULE, RISK_RULE].map((rule) => compileLogic(rule)) as [
  (c: Customer) => unknown,
  (c: Customer) => unknown,
  (c: Customer) => unknown,
];
const engineMs = await bestOf(RUNS, () => runSync(score, tier, risk, engine));

const formulas = emptyResults();
const formulaOptions = { now: () => NOW, timeZone: 'UTC' };
const [scoreF, tierF, riskF] = [SCORE_FORMULA, TIER_FORMULA, RISK_FORMULA].map(
  (source) => compileFormula(source, FORMULA_FIELDS, formulaOptions).evaluate,
) as unknown as [(c: Customer) => unknown, (c: Customer) => unknown, (c: Customer) => unknown];
const formulaMs = await bestOf(RUNS, () => runSync(scoreF, tierF, riskF, formulas));

const reference = emptyResults();
const jsonLogicMs = await bestOf(RUNS, () =>
  runSync(
    (c) => jsonLogic.apply(SCORE_RULE as never, c),
    (c) => jsonLogic.apply(TIER_RULE as never, c),
    (c) => jsonLogic.apply(RISK_RULE as never, c),
    reference,
  ),
);

// LIUCUN_BENCH_QUICK=1 skips json-rules-engine (about 90 s of the run) while iterating on the engine.
const quick = process.env.LIUCUN_BENCH_QUICK === '1';
const rulesEngine = emptyResults();
const evaluateWithRulesEngine = rulesEngineFor(Engine);
const jsonRulesEngineMs = quick
  ? NaN
  : await bestOf(RUNS, async () => {
      for (let index = 0; index < ROWS; index++) {
        const customer = customers[index] as Customer;
        const result = await evaluateWithRulesEngine(customer);
        customer.score = result.score;
        rulesEngine.scores[index] = result.score;
        rulesEngine.tiers[index] = result.tier;
        rulesEngine.risks[index] = result.atRisk ? 1 : 0;
      }
    });

printTable(
  `Engine benchmark: ${ROWS.toLocaleString('en')} customers × (health score of 5 weighted bands, 3-level tier, at-risk rule); best of ${RUNS} warm runs`,
  ROWS,
  [
    { label: 'hand-written TS', ms: nativeMs },
    { label: 'Liucun compileLogic', ms: engineMs },
    { label: 'Liucun formula text', ms: formulaMs },
    { label: 'json-logic-js', ms: jsonLogicMs },
    { label: 'json-rules-engine', ms: jsonRulesEngineMs },
  ],
  'hand-written TS',
  'json-logic-js',
);
console.log(
  `Same results as hand-written: Liucun ${mismatches(native, engine) === 0 ? 'yes' : 'NO'}, formula ${
    mismatches(native, formulas) === 0 ? 'yes' : 'NO'
  }, json-logic-js ${
    mismatches(native, reference) === 0 ? 'yes' : 'NO'
  }, json-rules-engine ${mismatches(native, rulesEngine) === 0 ? 'yes' : 'NO'}`,
);
console.log(JSON.stringify({ rows: ROWS, nativeMs, engineMs, jsonLogicMs, jsonRulesEngineMs, formulaMs }));
