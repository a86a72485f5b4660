/**
 * Printing through the channels, with a stand-in print dialog: the commune's summary and the
 * reviewing unit's report go to the printer as the very documents their PDFs are made from (NĐ30
 * date line and signature block); each role prints only its own; without a print dialog (the
 * command line) PRINT_UNAVAILABLE; a cancelled dialog is no error; a printer's failure PRINT_FAILED.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelApp } from '../../../test/helpers/channels';
import { channelApp } from '../../../test/helpers/channels';
import { communeSetup, provinceSetup } from '../../../test/helpers/context';
import { handUnit } from '../../../test/fixtures/report-store';

const query = { year: 2026, basis: 'appraised', types: null };

/** A print dialog that records each document and answers as told (true: printed, false: cancelled). */
function stubPrinter(answer: () => boolean | Error = () => true) {
  const printed: string[] = [];
  return {
    printed,
    printer: {
      print: async (html: string) => {
        printed.push(html);
        const a = answer();
        if (a instanceof Error) throw a;
        return a;
      },
    },
  };
}

let a: ChannelApp | null = null;
afterEach(() => {
  a?.cleanup();
  a = null;
});

describe('print channels', () => {
  it('prints the commune summary as its PDF document; the reviewing unit cannot print it', async () => {
    const p = stubPrinter();
    a = channelApp({ printer: p.printer });
    await a.call('setup:complete', { setup: communeSetup });
    expect(await a.call('print:summary')).toEqual({ ok: true, value: { printed: true } });
    expect(p.printed).toHaveLength(1);
    const html = p.printed[0]!;
    expect(html).toContain('<b>TM. ỦY BAN NHÂN DÂN</b><br><b>CHỦ TỊCH</b>');
    expect(html).toContain('ngày ..... tháng ..... năm 2026');
    // The same document as the PDF export makes.
    const pdfHtml: string[] = [];
    const b = channelApp({ pdf: { fromHtml: async (h) => (pdfHtml.push(h), new TextEncoder().encode('%PDF-1.7')) } });
    try {
      await b.call('setup:complete', { setup: communeSetup });
      b.saves.push(`${b.dir}/tong-hop.pdf`);
      expect(await b.call('assessment:exportPdf')).toMatchObject({ ok: true });
      expect(pdfHtml).toEqual([html]);
    } finally {
      b.cleanup();
    }
    expect(await a.call('print:report', query)).toMatchObject({ ok: false, error: { code: 'WRONG_ROLE' } });
  });

  it('prints the reviewing unit\'s report as its PDF document, headed with the unit', async () => {
    const p = stubPrinter();
    a = channelApp({ printer: p.printer });
    await a.call('setup:complete', { setup: provinceSetup });
    handUnit(a.ctx.db);
    expect(await a.call('print:report', query)).toEqual({ ok: true, value: { printed: true } });
    expect(p.printed[0]).toContain('Sở Nội vụ tỉnh Quảng Nam');
    expect(p.printed[0]).toContain('74,58');
    expect(await a.call('print:summary')).toMatchObject({ ok: false, error: { code: 'WRONG_ROLE' } });
    expect(await a.call('print:report', { ...query, basis: 'council' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('without a print dialog refuses PRINT_UNAVAILABLE; a cancel is no error; a printer failure is PRINT_FAILED', async () => {
    a = channelApp();
    await a.call('setup:complete', { setup: communeSetup });
    expect(await a.call('print:summary')).toMatchObject({ ok: false, error: { code: 'PRINT_UNAVAILABLE' } });
    a.cleanup();
    const answers: (boolean | Error)[] = [false, new Error('printer offline')];
    const p = stubPrinter(() => answers.shift()!);
    a = channelApp({ printer: p.printer });
    await a.call('setup:complete', { setup: communeSetup });
    expect(await a.call('print:summary')).toEqual({ ok: true, value: { printed: false } });
    expect(await a.call('print:summary')).toMatchObject({ ok: false, error: { code: 'PRINT_FAILED' } });
  });
});
