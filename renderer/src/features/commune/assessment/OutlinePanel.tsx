import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Framework } from '@shared/framework/schema';
import type { ItemMark, OutlineFilter } from './outline';
import { OUTLINE_FILTERS, filterCounts, outline } from './outline';
import { useOutline } from './outline-store';

/** A mark's symbol; the word is beside it for screen readers and in the legend. */
const SYMBOL: Record<ItemMark, string> = { empty: '○', entered: '●', error: '✕', noEvidence: '!', na: '–' };

export function MarkIcon({ mark }: { mark: ItemMark }) {
  const { t } = useTranslation();
  return (
    <span className={`mark mark-${mark}`} title={t(`assessment.outline.mark.${mark}`)}>
      <span aria-hidden="true">{SYMBOL[mark]}</span>
      <span className="visually-hidden">{t(`assessment.outline.mark.${mark}`)}</span>
    </span>
  );
}

/**
 * The outline (left column): fields, criteria and items under the current filter, each with its
 * mark; a click scrolls to the item and puts the cursor in it.
 */
export function OutlinePanel({ framework, marks, current, onGo }: {
  framework: Framework; marks: Record<string, ItemMark>; current: string | null; onGo(code: string): void;
}) {
  const { t } = useTranslation();
  const filter = useOutline((s) => s.filter);
  const keep = useOutline((s) => s.keep);
  const fields = useMemo(() => outline(framework, marks, filter, keep, t('assessment.adjustments')), [framework, marks, filter, keep, t]);
  const ref = useRef<HTMLElement>(null);
  // Moving through the items by keyboard keeps the current one in the outline's own view
  // (the outline column scrolls; the page does not move).
  useEffect(() => {
    const row = current ? ref.current?.querySelector<HTMLElement>(`[data-testid="outline-${CSS.escape(current)}"]`) : null;
    const box = ref.current?.parentElement;
    if (!row || !box) return;
    const r = row.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    if (r.top < b.top) box.scrollTop -= b.top - r.top + 8;
    else if (r.bottom > b.bottom) box.scrollTop += r.bottom - b.bottom + 8;
  }, [current]);
  return (
    <nav ref={ref} className="criteria-outline" aria-label={t('assessment.outline.title')} data-testid="outline">
      <h2 className="visually-hidden">{t('assessment.outline.title')}</h2>
      {fields.length === 0 && <p className="muted small" data-testid="outline-empty">{t(`assessment.outline.none.${filter === 'all' ? 'empty' : filter}`)}</p>}
      {fields.map((f) => (
        <section key={f.code} className="outline-field" data-testid={`outline-field-${f.code}`}>
          <h3>
            <span className="outline-field-title">{f.code === 'adjustments' ? f.title : `${f.code}. ${f.title}`}</span>
            <span className="outline-count" data-testid={`outline-count-${f.code}`} title={t('assessment.outline.fieldCountTitle', { entered: f.entered, total: f.total })}>
              {filter === 'all' ? `${f.entered}/${f.total}` : f.shown}
            </span>
          </h3>
          <ul>
            {f.criteria.map((c) => (
              <li key={c.code}>
                {c.title && <div className="outline-criterion">{c.code}. {c.title}</div>}
                <ul>
                  {c.items.map((i) => (
                    <li key={i.code}>
                      <button type="button" className={`outline-link${current === i.code ? ' current' : ''}`} data-testid={`outline-${i.code}`} data-mark={i.mark}
                        aria-current={current === i.code ? 'location' : undefined} title={`${i.code}. ${i.title}`} onClick={() => onGo(i.code)}>
                        <MarkIcon mark={i.mark} />
                        <span className="outline-code">{i.code}</span>
                        <span className="outline-title">{i.title}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <p className="outline-legend muted small">
        {(['empty', 'entered', 'error', 'noEvidence', 'na'] as const).map((m) => <span key={m}><MarkIcon mark={m} /> {t(`assessment.outline.mark.${m}`)}</span>)}
      </p>
    </nav>
  );
}

/** Tất cả / Chưa nhập / Có lỗi / Thiếu tài liệu kiểm chứng, each with how many items it shows. */
export function OutlineFilters({ marks }: { marks: Record<string, ItemMark> }) {
  const { t } = useTranslation();
  const filter = useOutline((s) => s.filter);
  const setFilter = useOutline((s) => s.setFilter);
  const counts = useMemo(() => filterCounts(marks), [marks]);
  return (
    <div className="outline-filters" role="group" aria-label={t('assessment.outline.filterLabel')} data-testid="outline-filters">
      {OUTLINE_FILTERS.map((f: OutlineFilter) => (
        <button key={f} type="button" className={filter === f ? 'chosen' : ''} aria-pressed={filter === f} data-testid={`filter-${f}`} onClick={() => setFilter(f, marks)}>
          {f !== 'all' && <MarkIcon mark={f} />} {t(`assessment.outline.filter.${f}`)} <span className="filter-count" data-testid={`filter-count-${f}`}>{counts[f]}</span>
        </button>
      ))}
    </div>
  );
}

/** The sentence under an empty filter, with a way back to every item. */
export function EmptyFilter({ marks }: { marks: Record<string, ItemMark> }) {
  const { t } = useTranslation();
  const filter = useOutline((s) => s.filter);
  const visible = useOutline((s) => s.visible);
  const setFilter = useOutline((s) => s.setFilter);
  if (filter === 'all' || (visible && visible.size > 0)) return null;
  return (
    <p className="notice" data-testid="filter-nothing">
      {t(`assessment.outline.none.${filter}`)}{' '}
      <button type="button" className="link" onClick={() => setFilter('all', marks)}>{t('assessment.outline.showAll')}</button>
    </p>
  );
}
