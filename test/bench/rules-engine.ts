// The same workload written for json-rules-engine: one rule per band (events carry points), then tier and risk rules.
import type { Engine as EngineClass, RuleProperties, TopLevelCondition } from 'json-rules-engine';
import { DAY_MS, NOW } from './customers';
import type { Customer } from './customers';

type Condition = TopLevelCondition;

const fact = (
  name: string,
  operator: string,
  value: number,
): { fact: string; operator: string; value: number } => ({
  fact: name,
  operator,
  value,
});

function pointsRule(
  indicator: string,
  weight: number,
  points: number,
  conditions: Condition,
): RuleProperties {
  return { conditions, event: { type: 'points', params: { indicator, points: points * weight } } };
}

/** Three mutually exclusive bands: high, middle, low. */
function bands(
  indicator: string,
  weight: number,
  high: Condition,
  middle: Condition,
  low: Condition,
): RuleProperties[] {
  return [
    pointsRule(indicator, weight, 100, high),
    pointsRule(indicator, weight, 60, middle),
    pointsRule(indicator, weight, 20, low),
  ];
}

const SCORE_RULES: RuleProperties[] = [
  ...bands(
    'usage',
    0.3,
    { all: [fact('loginsPerDay', 'greaterThan', 3)] },
    { all: [fact('loginsPerDay', 'greaterThanInclusive', 1), fact('loginsPerDay', 'lessThanInclusive', 3)] },
    { all: [fact('loginsPerDay', 'lessThan', 1)] },
  ),
  ...bands(
    'complaints',
    0.2,
    { all: [fact('complaints', 'equal', 0)] },
    { all: [fact('complaints', 'greaterThan', 0), fact('complaints', 'lessThanInclusive', 2)] },
    { all: [fact('complaints', 'greaterThan', 2)] },
  ),
  ...bands(
    'spend',
    0.2,
    { all: [fact('spendTrend', 'greaterThan', 5)] },
    { all: [fact('spendTrend', 'greaterThanInclusive', -5), fact('spendTrend', 'lessThanInclusive', 5)] },
    { all: [fact('spendTrend', 'lessThan', -5)] },
  ),
  ...bands(
    'engagement',
    0.15,
    { all: [fact('interactions', 'greaterThanInclusive', 5)] },
    { all: [fact('interactions', 'greaterThanInclusive', 1), fact('interactions', 'lessThan', 5)] },
    { all: [fact('interactions', 'lessThan', 1)] },
  ),
  pointsRule('referrals', 0.15, 100, { all: [fact('referrals', 'greaterThanInclusive', 1)] }),
  pointsRule('referrals', 0.15, 20, { all: [fact('referrals', 'lessThan', 1)] }),
];

const ORDER = ['usage', 'complaints', 'spend', 'engagement', 'referrals'];

const LABEL_RULES: RuleProperties[] = [
  {
    conditions: { all: [fact('score', 'greaterThanInclusive', 80)] },
    event: { type: 'tier', params: { tier: 'High' } },
  },
  {
    conditions: { all: [fact('score', 'greaterThanInclusive', 50), fact('score', 'lessThan', 80)] },
    event: { type: 'tier', params: { tier: 'Medium' } },
  },
  { conditions: { all: [fact('score', 'lessThan', 50)] }, event: { type: 'tier', params: { tier: 'Low' } } },
  {
    conditions: { any: [fact('idleMs', 'greaterThanInclusive', 7 * DAY_MS), fact('score', 'lessThan', 40)] },
    event: { type: 'atRisk' },
  },
];

export interface RulesEngineResult {
  score: number;
  tier: string;
  atRisk: boolean;
}

/** Builds the two engines once; the returned function evaluates one customer. */
export function rulesEngineFor(
  Engine: typeof EngineClass,
): (customer: Customer) => Promise<RulesEngineResult> {
  const scoring = new Engine(SCORE_RULES, { allowUndefinedFacts: true });
  const labelling = new Engine(LABEL_RULES, { allowUndefinedFacts: true });
  return async (customer) => {
    const { events } = await scoring.run({ ...customer });
    const points = new Map(
      events.map((event) => [event.params?.indicator as string, event.params?.points as number]),
    );
    // Add in the same order as the other implementations so floating-point sums agree exactly.
    let score = 0;
    for (const indicator of ORDER) score = score + (points.get(indicator) ?? 0);
    const labels = await labelling.run({ score, idleMs: NOW - customer.lastLoginAt });
    const tier = labels.events.find((event) => event.type === 'tier')?.params?.tier as string;
    return { score, tier, atRisk: labels.events.some((event) => event.type === 'atRisk') };
  };
}
