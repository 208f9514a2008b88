// Realistic sample customers for trying the grid at scale ("Add sample data"): Chinese and English names, companies,
// regions, spend, orders and last login. Deterministic for a seed; the clock is passed in.
import type { JsonValue } from '../model/common';

/** A small fast PRNG (mulberry32): the same seed gives the same customers, in tests and benchmarks alike. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '强',
  '磊',
  '洋',
  '艳',
  '勇',
  '军',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '霞',
  '平',
];
const FIRST_EN = [
  'Emma',
  'Liam',
  'Olivia',
  'Noah',
  'Ava',
  'Lucas',
  'Mia',
  'Ethan',
  'Zoe',
  'Leo',
  'Grace',
  'Ryan',
];
const LAST_EN = [
  'Smith',
  'Chen',
  'Garcia',
  'Wong',
  'Brown',
  'Lee',
  'Taylor',
  'Lin',
  'Martin',
  'Clark',
  'Ng',
  'Lopez',
];
const COMPANY_HEAD = [
  '华信',
  '启明',
  '云帆',
  '嘉禾',
  '东方',
  '博远',
  'Northwind',
  'Bluebird',
  'Summit',
  'Evergreen',
];
const COMPANY_TAIL = ['科技', '贸易', '餐饮', '教育', '物流', 'Labs', 'Foods', 'Retail', 'Studio', 'Health'];
export const SAMPLE_REGIONS = ['华东', '华南', '华北', '西南', '西北', '东北', '华中'] as const;

export interface SampleCustomer {
  readonly name: string;
  readonly company: string;
  readonly region: (typeof SAMPLE_REGIONS)[number];
  /** Total spend in yuan, two decimals. */
  readonly spend: number;
  readonly orders: number;
  /** Last login as epoch ms (an instant). */
  readonly lastLogin: number;
  /** Last purchase as a stored date (epoch ms at 00:00 UTC of the day). */
  readonly lastPurchase: number;
}

const DAY = 86_400_000;

function pick<T>(random: () => number, list: readonly T[]): T {
  const item = list[Math.floor(random() * list.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Latin words are spaced ("Summit Health"), Chinese ones are not ("华信科技"). */
function companyName(head: string, tail: string): string {
  return /^[A-Za-z]/.test(tail) || /[A-Za-z]$/.test(head) ? `${head} ${tail}` : head + tail;
}

/** `count` customers. Spend is long-tailed (a few big spenders), orders grow with spend, logins fade with time. */
export function sampleCustomers(count: number, options: { seed: number; now: number }): SampleCustomer[] {
  const random = seededRandom(options.seed);
  const today = Math.floor(options.now / DAY) * DAY;
  const customers: SampleCustomer[] = [];
  for (let at = 0; at < count; at++) {
    const chinese = random() < 0.7;
    const name = chinese
      ? pick(random, SURNAMES) + pick(random, GIVEN) + (random() < 0.5 ? pick(random, GIVEN) : '')
      : `${pick(random, FIRST_EN)} ${pick(random, LAST_EN)}`;
    const spend = Math.round(Math.exp(random() * 4 + random() * 6) * 100) / 100;
    const orders = Math.max(0, Math.round(Math.log10(spend + 1) * (0.5 + random() * 2)));
    const daysSinceLogin = Math.floor(Math.pow(random(), 2) * 120);
    const daysSincePurchase = Math.floor(random() * 365);
    customers.push({
      name,
      company: companyName(pick(random, COMPANY_HEAD), pick(random, COMPANY_TAIL)),
      region: pick(random, SAMPLE_REGIONS),
      spend,
      orders,
      lastLogin: options.now - daysSinceLogin * DAY - Math.floor(random() * DAY),
      lastPurchase: today - daysSincePurchase * DAY,
    });
  }
  return customers;
}

/** The sample fields, by role: which table field (id) receives which part of a customer. */
export interface SampleFieldIds {
  readonly name: string;
  readonly company: string;
  readonly region: string;
  readonly spend: string;
  readonly orders: string;
  readonly lastLogin: string;
  readonly lastPurchase?: string | undefined;
}

/** Record values for the customers; `regionOptionIds` maps region names to the select's option ids. */
export function sampleRecordValues(
  customers: readonly SampleCustomer[],
  ids: SampleFieldIds,
  regionOptionIds: ReadonlyMap<string, string>,
): Record<string, JsonValue>[] {
  return customers.map((customer) => {
    const values: Record<string, JsonValue> = {
      [ids.name]: customer.name,
      [ids.company]: customer.company,
      [ids.region]: regionOptionIds.get(customer.region) ?? null,
      [ids.spend]: customer.spend,
      [ids.orders]: customer.orders,
      [ids.lastLogin]: customer.lastLogin,
    };
    if (ids.lastPurchase !== undefined) values[ids.lastPurchase] = customer.lastPurchase;
    return values;
  });
}
