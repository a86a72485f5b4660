/**
 * A whole province for `npm run demo`, the benchmarks and tests: a reviewing unit and N communes
 * with varied, realistic self-assessments (every item of the framework answered by its rule
 * type, evidence for each), survey questionnaires and last year's published results, all
 * deterministic for a seed. Pure: the framework and the sample questionnaires come in as data
 * (loadDemoSources reads them from docs/examples), nothing is written here.
 *
 *   const province = generateProvince(loadDemoSources(root), { communes: 22, seed: 1 });
 *   province.communes[0].entries   // an entries file (docs/entries-format.md) for `chiso load`
 *   province.rosterCsv             // the reviewing unit's roster for `chiso communes import`
 *
 * Each commune has a "quality" between 0.6 and 0.93 that tilts every answer (plans done, rates
 * achieved, reports late, citizens satisfied), so the indices spread over the framework's groups
 * the way the seeds' provinces do (roughly 60–90%).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prng } from '../../shared/report/test-fixtures';

/** The parts of a framework the generator reads (the sample framework's JSON as it is). */
export interface DemoFramework {
  fields: { code: string; criteria: { items: DemoItem[] }[] }[];
  adjustments?: { code: string; kind: string; cap?: number; rule: { type: string; step?: number } }[];
  survey?: { targetForms?: number; variants?: { unitTypes: string[]; targetForms?: number }[]; sections: { code: string; questions: { code: string; options?: { value: string; weight: number | null }[] }[] }[] };
}

interface DemoItem {
  code: string;
  title: string;
  maxPoints: number;
  rule: { type: string; complementLabel?: string; levels?: { id: string; points: number }[] };
}

export interface DemoSources {
  framework: DemoFramework;
  /** Questionnaires to take the respondents' facts from (docs/examples/sample-entries.json's). */
  sampleForms: { formNo: string; answers: Record<string, string | number | null> }[];
}

export interface DemoCommune {
  code: string;
  name: string;
  type: 'xa' | 'phuong';
  quality: number;
  /** The officer who signs the enrolment form. */
  officer: string;
  /** The entries file for `chiso load` (items, adjustments, survey forms). */
  entries: Record<string, unknown>;
  /** Questionnaires collected (the unit type's target: 20 for a xã, 30 for a phường in the sample). */
  forms: number;
  /** Sends after the deadline. */
  late: boolean;
  /** Last year's published result; null for a commune without one (set up this year). */
  lastYear: { name: string; index: number } | null;
}

export interface DemoProvince {
  seed: number;
  year: number;
  deadline: string;
  reviewer: { code: string; name: string; provinceCode: string };
  communes: DemoCommune[];
  /** `Mã,Tên,Loại` for `chiso communes import`. */
  rosterCsv: string;
  /** Last year's published results, `code,name,index` (what `chiso history import` reads). */
  lastYearCsv: string;
  /** The commune the appraisal council asks for an explanation. */
  explainCode: string;
}

const NAMES = [
  'Bình An', 'Bình Đào', 'Bình Minh', 'Bình Dương', 'Bình Triều', 'Bình Phú', 'Bình Sa', 'Bình Trung', 'Bình Quý', 'Bình Chánh',
  'Bình Giang', 'Bình Nguyên', 'Bình Hải', 'Bình Lãnh', 'Bình Trị', 'Bình Tú', 'Bình Quế', 'Bình Nam', 'Bình Phục', 'Hà Lam',
  'Quế Sơn', 'Nông Sơn', 'Duy Xuyên', 'Điện Bàn', 'Thăng An', 'Thăng Trường', 'Tam Xuân', 'Núi Thành', 'Tam Anh', 'Đức Phú',
  'Hiệp Đức', 'Việt An', 'Phước Trà', 'Tiên Phước', 'Sơn Cẩm Hà', 'Thạnh Bình', 'Quế Phước', 'Xuân Phú', 'Đại Lộc', 'Hà Nha',
];
const WARDS = ['Phường Tam Kỳ', 'Phường Hội An', 'Phường Điện Bàn', 'Phường An Thắng', 'Phường Hương Trà', 'Phường Bàn Thạch', 'Phường Quảng Phú', 'Phường Hội An Tây'];
const SYLLABLES = ['An', 'Bình', 'Đông', 'Tây', 'Hòa', 'Phước', 'Xuân', 'Thạnh', 'Sơn', 'Trà', 'Quế', 'Tam', 'Hiệp', 'Đại', 'Lộc', 'Phú', 'Mỹ', 'Tân'];
const OFFICERS = ['Nguyễn Thị Hoa', 'Trần Văn Bình', 'Lê Thị Thu Hà', 'Phạm Minh Đức', 'Huỳnh Thị Mỹ Linh', 'Võ Văn Tâm', 'Đặng Thị Ngọc Ánh', 'Bùi Quang Huy'];
const COMMENTS = ['Cần thêm biển chỉ dẫn ở cổng UBND.', 'Hài lòng.', 'Nên bố trí thêm ghế chờ.', 'Công chức nhiệt tình, chu đáo.', null, null, null];

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** The names of n communes: wards first (about one in five), then the list, then made-up ones. */
function communeNames(n: number, rnd: () => number): { name: string; type: 'xa' | 'phuong' }[] {
  const wards = Math.min(WARDS.length, Math.round(n / 5));
  const out: { name: string; type: 'xa' | 'phuong' }[] = WARDS.slice(0, wards).map((name) => ({ name, type: 'phuong' }));
  const used = new Set(out.map((c) => c.name));
  const add = (name: string): void => {
    if (out.length < n && !used.has(name)) {
      out.push({ name, type: 'xa' });
      used.add(name);
    }
  };
  for (const name of NAMES) add(name);
  // Two syllables give 324 names; past that (a very large province) a number keeps them apart.
  for (let tries = 0; out.length < n; tries++) {
    const name = `${SYLLABLES[Math.floor(rnd() * SYLLABLES.length)]} ${SYLLABLES[Math.floor(rnd() * SYLLABLES.length)]}`;
    add(tries < 20 * n ? name : `${name} ${out.length + 1}`);
  }
  return out;
}

function itemInput(item: DemoItem, q: number, rnd: () => number): Record<string, unknown> | null {
  const r = item.rule;
  switch (r.type) {
    case 'binary':
      return { type: 'binary', done: rnd() < 0.35 + 0.65 * q };
    case 'ratio':
    case 'bands':
    case 'ratio-target': {
      const denominator = 10 + Math.floor(rnd() * 190);
      const rate = r.type === 'bands' ? clamp(0.93 + 0.07 * q + (rnd() - 0.5) * 0.04, 0.8, 1) : clamp(q + (rnd() - 0.5) * 0.25, 0.2, 1);
      const numerator = Math.round(denominator * rate);
      return { type: r.type, numerator, denominator, ...(r.complementLabel ? { complement: denominator - numerator } : {}) };
    }
    case 'deduction':
      return { type: 'deduction', events: rnd() < q ? 0 : 1 + Math.floor(rnd() * 3) };
    case 'tiered': {
      const levels = [...(r.levels ?? [])].sort((a, b) => b.points - a.points);
      const s = clamp(q + (rnd() - 0.5) * 0.3, 0, 1);
      const at = s > 0.75 ? 0 : s > 0.45 ? 1 : levels.length - 1;
      return { type: 'tiered', level: levels[Math.min(at, levels.length - 1)]?.id };
    }
    case 'manual':
      return { type: 'manual', points: 0 };
    default:
      return null; // survey: points come from the questionnaires
  }
}

function evidence(item: DemoItem, n: number, issuer: string, year: number, rnd: () => number) {
  const month = String(1 + Math.floor(rnd() * 9)).padStart(2, '0');
  const day = String(1 + Math.floor(rnd() * 28)).padStart(2, '0');
  return [{ number: `${n}/BC-UBND`, date: `${year}-${month}-${day}`, issuer, summary: `Báo cáo kết quả thực hiện nội dung ${item.code}: ${item.title}`, locator: `Mục ${1 + (n % 4)}, trang ${1 + (n % 6)}` }];
}

/** One questionnaire: the respondent's facts from a sample form, satisfaction tilted by quality. */
function questionnaire(sources: DemoSources, no: number, q: number, rnd: () => number) {
  const base = sources.sampleForms[Math.floor(rnd() * sources.sampleForms.length)];
  const answers: Record<string, string | number | null> = { ...(base?.answers ?? {}) };
  for (const section of sources.framework.survey?.sections ?? []) {
    for (const question of section.questions) {
      const weighted = (question.options ?? []).filter((o) => o.weight !== null).sort((a, b) => (b.weight ?? 0) - (a.weight ?? 0));
      if (weighted.length === 0) continue;
      const s = clamp(q + (rnd() - 0.5) * 0.5, 0, 1);
      const at = s > 0.8 ? 0 : s > 0.55 ? 1 : s > 0.35 ? 2 : s > 0.15 ? 3 : 4;
      answers[question.code] = weighted[Math.min(at, weighted.length - 1)]?.value ?? null;
    }
  }
  if (Object.hasOwn(answers, 'C3')) answers['C3'] = COMMENTS[Math.floor(rnd() * COMMENTS.length)] ?? null;
  return { formNo: String(no).padStart(3, '0'), answers };
}

function csvCell(s: string): string {
  return /[",\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
}

export function generateProvince(sources: DemoSources, options: { communes?: number; seed?: number; year?: number } = {}): DemoProvince {
  const n = options.communes ?? 22;
  const seed = options.seed ?? 1;
  const year = options.year ?? 2026;
  if (!Number.isInteger(n) || n < 1 || n > 999) throw new Error('communes: 1 to 999');
  const rnd = prng(seed);
  const items = sources.framework.fields.flatMap((f) => f.criteria.flatMap((c) => c.items));
  const bonus = sources.framework.adjustments?.find((a) => a.kind === 'bonus' && a.rule.type === 'manual');
  const named = communeNames(n, rnd);
  const communes: DemoCommune[] = named.map(({ name, type }, i) => {
    const code = String(20400 + i * 3).padStart(5, '0');
    // One commune struggles and one leads, whatever the seed, so the groups are never all alike.
    const quality = i === n - 1 && n > 2 ? 0.6 : i === 1 ? 0.93 : 0.64 + 0.27 * rnd();
    const issuer = `UBND ${type === 'phuong' ? name.replace(/^Phường/u, 'phường') : `xã ${name}`}`;
    const lines: Record<string, unknown> = {};
    items.forEach((item, k) => {
      const input = itemInput(item, quality, rnd);
      if (input) lines[item.code] = { input, evidence: evidence(item, 10 + k, issuer, year, rnd) };
    });
    const entries: Record<string, unknown> = { format: 'chiso-entries', version: 1, unitCode: code, year, items: lines };
    if (bonus && rnd() < 0.2) {
      const step = bonus.rule.step ?? 25;
      entries['adjustments'] = {
        [bonus.code]: {
          input: { type: 'manual', points: Math.min(bonus.cap ?? 100, step * (2 + Math.floor(rnd() * 3))) },
          explanation: 'Mô hình "Một cửa thân thiện" được tỉnh công nhận, nhân rộng.',
          evidence: [{ number: `${100 + i}/QĐ-UBND`, date: `${year}-05-20`, issuer: 'UBND tỉnh', summary: 'Quyết định công nhận mô hình cải cách hành chính', locator: 'Điều 1' }],
        },
      };
    }
    const survey = sources.framework.survey;
    const target = survey?.variants?.find((v) => v.unitTypes.includes(type))?.targetForms ?? survey?.targetForms ?? 20;
    const forms = rnd() < 0.12 ? target - 4 + Math.floor(rnd() * 4) : target;
    if (sources.framework.survey) entries['survey'] = { forms: Array.from({ length: forms }, (_, f) => questionnaire(sources, f + 1, quality, rnd)) };
    const last = rnd();
    // About one in twelve has no row last year; the others published about a point below this year's level, ±3.
    const lastIndex = Math.round(clamp(10000 * quality + 170 + (rnd() - 0.5) * 600, 4000, 9900));
    return { code, name, type, quality, officer: OFFICERS[Math.floor(rnd() * OFFICERS.length)] as string, entries, forms, late: false, lastYear: last < 0.08 && i > 1 ? null : { name, index: lastIndex } };
  });
  // Two communes send late (after the deadline), the rest on time.
  for (const c of [communes[Math.floor(n / 2)], communes[n - 2]]) if (c && n >= 4) c.late = true;
  // A merged commune: last year's row under another name, same code (matched by code).
  const merged = communes[3];
  if (merged?.lastYear) merged.lastYear = { ...merged.lastYear, name: `${merged.name} cũ` };
  const rosterCsv = ['Mã,Tên,Loại', ...communes.map((c) => `${c.code},${csvCell(c.name)},${c.type === 'phuong' ? 'phường' : 'xã'}`)].join('\n') + '\n';
  const lastYearCsv = ['code,name,index', ...communes.flatMap((c) => (c.lastYear ? [`${c.code},${csvCell(c.lastYear.name)},${(c.lastYear.index / 100).toFixed(2)}`] : []))].join('\n') + '\n';
  return {
    seed,
    year,
    deadline: `${year}-10-05`,
    reviewer: { code: '49', name: 'Sở Nội vụ tỉnh Quảng Nam', provinceCode: '49' },
    communes,
    rosterCsv,
    lastYearCsv,
    explainCode: communes[Math.min(2, n - 1)]?.code ?? communes[0]?.code ?? '',
  };
}

/** The sample framework and questionnaires from docs/examples. */
export function loadDemoSources(root: string): DemoSources {
  const framework = JSON.parse(readFileSync(join(root, 'docs', 'examples', 'sample-framework.json'), 'utf8')) as DemoFramework;
  const sample = JSON.parse(readFileSync(join(root, 'docs', 'examples', 'sample-entries.json'), 'utf8')) as { survey?: { forms?: DemoSources['sampleForms'] } };
  return { framework, sampleForms: sample.survey?.forms ?? [] };
}
