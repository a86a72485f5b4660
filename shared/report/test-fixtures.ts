/**
 * Report inputs for tests and benchmarks (not imported by shipped code):
 *   handFixture()        eight communes whose every figure is computed by hand in the tests
 *   seed000()            the 22 units of seed 000 (Thăng Bình, 2016) with indices chosen to
 *                        reproduce every published figure that does reproduce
 *   syntheticUnit(n, s)  n communes with fields, items, survey, forms and receipt, deterministic
 *                        in s: `buildReport(syntheticUnit(3321, 1), { year: 2026 })` is the
 *                        size of Vietnam after 7/2025 (3,321 communes).
 * Codes are invented (5 digits, zero-padded); only names and figures come from the seed.
 */
import type { CommuneRow, CommuneType, GroupBand, LastYearRow, ReportInput } from './types';

/** The seed's bands (≥ 80 / 70–<80 / 60–<70 / < 60), as the sample framework has them. */
export const SEED_BANDS: readonly GroupBand[] = [
  { code: 'nhom-1', label: 'Nhóm 1: từ 80% trở lên', minPercent: 8000 },
  { code: 'nhom-2', label: 'Nhóm 2: từ 70% đến dưới 80%', minPercent: 7000 },
  { code: 'nhom-3', label: 'Nhóm 3: từ 60% đến dưới 70%', minPercent: 6000 },
  { code: 'nhom-4', label: 'Nhóm 4: dưới 60%', minPercent: 0 },
];

/**
 * Seed 000 in the order the report lists the groups (rank order). Σ = 167,222 = 22 × 7,601,
 * so the mean is 76.01% exactly; the seed's group 2 names Bình Trung twice (16 names for
 * "15 xã"), kept once here; "Bình Qúy" is spelt Bình Quý.
 */
export const SEED_000: readonly (readonly [name: string, index: number, type?: CommuneType])[] = [
  ['Bình Đào', 8352],
  ['Bình Triều', 8245],
  ['Hà Lam', 8130, 'thi-tran'],
  ['Bình Phú', 8064],
  ['Bình Sa', 8012],
  ['Bình Tú', 7961],
  ['Bình Trung', 7912],
  ['Bình Quý', 7850],
  ['Bình Chánh', 7798],
  ['Bình Dương', 7742],
  ['Bình Trị', 7687],
  ['Bình Minh', 7630],
  ['Bình Nguyên', 7575],
  ['Bình Giang', 7511],
  ['Bình Quế', 7450],
  ['Bình Định Nam', 7388],
  ['Bình Định Bắc', 7321],
  ['Bình Nam', 7260],
  ['Bình Hải', 7140],
  ['Bình Lãnh', 7057],
  ['Bình Phục', 6731],
  ['Bình An', 6406],
];

/** Codes not in rank order (so a test that ranks by code would fail): 20401, 20398, … */
export function seedCode(position: number): string {
  return String(20401 + ((position * 7) % 22) * 3).padStart(5, '0');
}

export function seed000(): ReportInput {
  const communes: CommuneRow[] = SEED_000.map(([name, index, type], i) => ({
    code: seedCode(i),
    name,
    type: type ?? 'xa',
    appraisedIndex: index,
    selfIndex: Math.min(10000, index + 150),
    // 20 questionnaires per unit, all collected (the seed: "mỗi đơn vị 20 phiếu, đã thu thập 100%").
    forms: { collected: 20, target: 20 },
  }));
  // Last year: each unit 1.11 points lower on average (±0.40), published mean 74.90%.
  const rows: LastYearRow[] = SEED_000.map(([name, index, type], i) => ({
    code: seedCode(i),
    name,
    index: index - 111 - (i % 2 === 0 ? 40 : -40),
    type: type ?? 'xa',
  }));
  return { communes, bands: SEED_BANDS, lastYear: { year: 2015, rows, publishedMean: 7490 } };
}

/**
 * Eight communes, figures computed by hand in ranking.test.ts and figures.test.ts:
 *   Bình Dương 82.50 · Bình An, Bình Đào, Bình Minh 80.00 (a tie, alphabetical: Đ after D,
 *   before M) · Tân Hòa 70.00 (merged: last year's row has the same code under another name) ·
 *   Mỹ Lộc 65.50 (no row last year; a row with its name but another code must not match) ·
 *   Côn Đảo 59.99 (đặc khu) · An Phú not appraised (ranked only on the self basis).
 * With `exact`, every index carries the fraction it was rounded from, Bình Minh's being
 * 15,999 / 20,000 = 79.995% (80.00% rounded half up, but below 80% exactly).
 */
export function handFixture(options: { exact?: boolean } = {}): ReportInput {
  const row = (code: string, name: string, type: CommuneType, appraisedIndex: number | null, selfIndex: number): CommuneRow => ({
    code,
    name,
    type,
    appraisedIndex,
    selfIndex,
    ...(options.exact
      ? {
          appraisedExact: appraisedIndex === null ? null : code === '00101' ? { points: 15999, max: 20000 } : { points: appraisedIndex, max: 10000 },
          selfExact: { points: selfIndex, max: 10000 },
        }
      : {}),
  });
  return {
    communes: [
      row('00101', 'Bình Minh', 'xa', 8000, 8100),
      row('00102', 'Bình Đào', 'xa', 8000, 7900),
      row('00103', 'Bình An', 'phuong', 8000, 8000),
      row('00104', 'Bình Dương', 'xa', 8250, 8300),
      row('00105', 'Tân Hòa', 'xa', 7000, 7200),
      row('00106', 'Mỹ Lộc', 'xa', 6550, 6900),
      row('00107', 'An Phú', 'xa', null, 7700),
      row('00108', 'Côn Đảo', 'dac-khu', 5999, 6100),
    ],
    bands: SEED_BANDS,
    lastYear: {
      year: 2025,
      publishedMean: 7250,
      rows: [
        { code: '00101', name: 'Bình Minh', index: 7800 },
        { code: '00102', name: 'Bình Đào', index: 8100, group: 'Nhóm 1: từ 80% trở lên' },
        { code: '00103', name: 'Bình An', index: 8000, type: 'phuong' },
        { code: '00104', name: 'Bình Dương', index: 8000 },
        { code: '00105', name: 'Hòa Tân', index: 6800 },
        { code: '00107', name: 'An Phú', index: 7000 },
        { code: '00108', name: 'Côn Đảo', index: 6000 },
        { code: '00199', name: 'Mỹ Lộc', index: 6400 },
      ],
    },
  };
}

/** mulberry32: a small deterministic generator (tests and benchmarks need no crypto). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['An', 'Bình', 'Đào', 'Dương', 'Hà', 'Hòa', 'Hóa', 'Lâm', 'Minh', 'Mỹ', 'Phú', 'Quý', 'Sơn', 'Tân', 'Thạnh', 'Trung', 'Xuân', 'Ân', 'Ăn', 'Định'];
const FIELD_MAX = [700, 600, 1600, 600, 1100, 900, 1100, 3400]; // Σ 10000
const ITEMS_PER_FIELD = 5;
const ITEM_CODES = FIELD_MAX.flatMap((_, f) => Array.from({ length: ITEMS_PER_FIELD }, (_x, k) => `${f + 1}.${k + 1}`));

/**
 * n communes: indices from field points (so ties happen), ~1% not yet appraised, ~5% without
 * last year's row, a few merged (code kept, name changed), mixed unit types, receipt dates
 * around a deadline of 2026-10-05.
 */
export function syntheticUnit(n: number, seed = 1): ReportInput {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const communes: CommuneRow[] = [];
  const last: LastYearRow[] = [];
  for (let i = 0; i < n; i++) {
    const code = String(10000 + i * 3).padStart(5, '0');
    const name = `${pick(SYLLABLES)} ${pick(SYLLABLES)}`;
    const r = rnd();
    const type: CommuneType = r < 0.79 ? 'xa' : r < 0.996 ? 'phuong' : 'dac-khu';
    const fields = FIELD_MAX.map((max, f) => ({ code: String(f + 1), points: 0, max }));
    const items = [];
    for (const [f, field] of fields.entries()) {
      const itemMax = field.max / ITEMS_PER_FIELD;
      for (let k = 1; k <= ITEMS_PER_FIELD; k++) {
        const points = Math.floor((itemMax * (0.55 + 0.45 * rnd())) / 25) * 25;
        items.push({ code: ITEM_CODES[f * ITEMS_PER_FIELD + k - 1] as string, points, max: itemMax });
        field.points += points;
      }
    }
    const total = fields.reduce((a, f) => a + f.points, 0);
    const appraised = rnd() < 0.01 ? null : total; // max is 10000 hundredths: index = points
    const received = rnd();
    communes.push({
      code,
      name,
      type,
      appraisedIndex: appraised,
      selfIndex: Math.min(10000, total + 100),
      appraisedExact: appraised === null ? null : { points: total, max: 10000 },
      itemsAtSelfScore: rnd() < 0.05 ? 1 + Math.floor(rnd() * 4) : 0,
      fields,
      items,
      survey: { points: fields[7]?.points ?? 0, max: 3400 },
      forms: { collected: rnd() < 0.9 ? 20 : 15 + Math.floor(rnd() * 5), target: 20 },
      receivedOn: received < 0.02 ? null : received < 0.1 ? '2026-10-07' : '2026-10-03',
    });
    if (rnd() < 0.95) {
      last.push({ code, name: rnd() < 0.01 ? `${name} cũ` : name, index: 5000 + Math.floor(rnd() * 4500), type });
    }
  }
  return { communes, bands: SEED_BANDS, lastYear: { year: 2025, rows: last } };
}
