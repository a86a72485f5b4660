/**
 * The sample framework shipped with the app: "Mẫu (tham khảo)", a proposal and not any
 * province's decision (see /docs/framework-format.md and SAMPLE-FRAMEWORK.md). It follows
 * the sample table: 8 fields, 70 points self-assessment + 30 survey, a 9th content of
 * bonus/penalty points outside the 100. A province replaces it with its own framework.
 *
 * Items 1.1…7.8 are criteria scored directly: each is written as a criterion holding one
 * item with the same code. Deviations from the table, on purpose, each showing a setting of
 * the format (and none changing the points of a xã's entries written for earlier versions):
 * - 3.5 is N/A → excluded (no petitions says nothing about how petitions are handled);
 * - 1.1 not done: 0 points and 0,25 deducted, inside field 1, whose points never go below 0;
 * - 1.6 N/A (no task assigned from above) counts a fixed 1,5 of its 2 points;
 * - đặc khu: 1.7 counts 0,5 per initiative up to 1,5 and 1.8 weighs 0,5; 3.8 is a formula
 *   weighing postal returns (islands) on 2,5 points; 7.7 (ISO) does not apply and field 7
 *   shrinks to 13,5; three groups instead of four;
 * - phường: 30 questionnaires instead of 20; 3.8's target is 70% instead of 50%.
 * The rounding and the survey's place are written out although they are the defaults.
 */
import type { Framework, FrameworkCriterion, FrameworkField, FrameworkItem, ItemVariant, ManualRule, NotApplicableMode, Rule, UnitType } from './schema';
import { sampleSurvey } from './sample-survey';

interface Spec {
  title: string;
  scoringText: string;
  evidence: string[];
  notApplicable?: NotApplicableMode;
  notApplicablePoints?: number;
  unitTypes?: UnitType[];
  variants?: ItemVariant[];
}

/** A criterion scored directly: one item carrying the criterion's code. */
function direct(code: string, maxPoints: number, rule: Rule, spec: Spec): FrameworkCriterion {
  const item: FrameworkItem = {
    code,
    title: spec.title,
    scoringText: spec.scoringText,
    maxPoints,
    rule,
    evidence: spec.evidence,
    notApplicable: spec.notApplicable ?? 'not-allowed',
    ...(spec.notApplicablePoints !== undefined ? { notApplicablePoints: spec.notApplicablePoints } : {}),
    required: true,
    ...(spec.unitTypes ? { unitTypes: spec.unitTypes } : {}),
    ...(spec.variants ? { variants: spec.variants } : {}),
  };
  return { code, title: spec.title, items: [item] };
}

function field(code: string, numbering: string, title: string, maxPoints: number, criteria: FrameworkCriterion[], extra: Partial<FrameworkField> = {}): FrameworkField {
  return { code, numbering, title, maxPoints, ...extra, criteria };
}

const BINARY: Rule = { type: 'binary' };

function tiers(...levels: [id: string, label: string, points: number][]): Rule {
  return { type: 'tiered', levels: levels.map(([id, label, points]) => ({ id, label, points })) };
}

function survey(code: string, numbering: string, title: string): FrameworkItem {
  return {
    code,
    numbering,
    title,
    scoringText:
      'Điểm = 3,75 × mức hài lòng bình quân (theo trọng số phương án) của các câu hỏi thuộc tiêu chí này trên các phiếu hợp lệ; câu bỏ trống không tính.',
    maxPoints: 375,
    rule: { type: 'survey', source: 'forms' },
    evidence: [],
    notApplicable: 'not-allowed',
    required: true,
  };
}

const field1 = field('1', 'I', 'Công tác chỉ đạo, điều hành cải cách hành chính', 900, [
  direct('1.1', 50, { type: 'binary', notDonePoints: -25 }, {
    title: 'Ban hành kế hoạch cải cách hành chính năm đúng hạn',
    scoringText: 'Ban hành kế hoạch CCHC năm trong thời hạn cấp trên yêu cầu: 0,5 điểm; ban hành chậm hoặc không ban hành: 0 điểm và bị trừ 0,25 điểm (trừ vào điểm lĩnh vực I, lĩnh vực không bị âm điểm).',
    evidence: ['Kế hoạch CCHC năm của UBND xã (số, ngày ban hành)'],
  }),
  direct('1.2', 150, { type: 'ratio', numeratorLabel: 'Số nhiệm vụ đã hoàn thành', denominatorLabel: 'Tổng số nhiệm vụ trong kế hoạch', complementLabel: 'Số nhiệm vụ chưa hoàn thành', zeroBelowPercent: 8000 }, {
    title: 'Mức độ hoàn thành kế hoạch cải cách hành chính năm',
    scoringText: 'Hoàn thành 100% nhiệm vụ: 1,5 điểm; từ 80% đến dưới 100%: tỷ lệ hoàn thành × 1,5 điểm; dưới 80%: 0 điểm.',
    evidence: ['Báo cáo kết quả thực hiện kế hoạch CCHC năm', 'Danh mục nhiệm vụ và tình trạng hoàn thành'],
  }),
  direct('1.3', 100, { type: 'deduction', perEvent: 25, floor: 0, eventLabel: 'Số báo cáo chậm hoặc thiếu' }, {
    title: 'Báo cáo cải cách hành chính định kỳ đầy đủ, đúng hạn',
    scoringText: 'Gửi đủ, đúng hạn các báo cáo CCHC định kỳ (quý, 6 tháng, năm): 1 điểm; mỗi báo cáo chậm hoặc thiếu trừ 0,25 điểm, thấp nhất 0 điểm.',
    evidence: ['Các báo cáo CCHC định kỳ kèm ngày gửi (sổ văn bản đi hoặc hệ thống quản lý văn bản)'],
  }),
  direct('1.4', 100, tiers(['dat-du', 'Có kế hoạch, tự kiểm tra và khắc phục 100% tồn tại', 100], ['chua-khac-phuc', 'Có tự kiểm tra nhưng chưa khắc phục hết tồn tại', 50], ['khong', 'Không tự kiểm tra', 0]), {
    title: 'Tự kiểm tra công tác cải cách hành chính và khắc phục sau kiểm tra',
    scoringText: 'Có kế hoạch, thực hiện tự kiểm tra và khắc phục 100% tồn tại: 1 điểm; có kiểm tra nhưng chưa khắc phục hết: 0,5 điểm; không kiểm tra: 0 điểm.',
    evidence: ['Kế hoạch tự kiểm tra CCHC', 'Biên bản, kết luận kiểm tra', 'Báo cáo khắc phục tồn tại'],
  }),
  direct('1.5', 100, tiers(['tu-3-hinh-thuc', 'Có kế hoạch và tuyên truyền từ 3 hình thức trở lên', 100], ['duoi-3-hinh-thuc', 'Có tuyên truyền nhưng dưới 3 hình thức', 50], ['khong', 'Không tuyên truyền', 0]), {
    title: 'Tuyên truyền cải cách hành chính',
    scoringText: 'Có kế hoạch và tuyên truyền bằng từ 3 hình thức trở lên (đài truyền thanh, trang thông tin điện tử, hội nghị, pa-nô…): 1 điểm; dưới 3 hình thức: 0,5 điểm; không tuyên truyền: 0 điểm.',
    evidence: ['Kế hoạch tuyên truyền CCHC', 'Tin, bài, hình ảnh tuyên truyền'],
  }),
  direct('1.6', 200, { type: 'ratio', numeratorLabel: 'Số nhiệm vụ hoàn thành đúng hạn', denominatorLabel: 'Tổng số nhiệm vụ cấp trên giao', complementLabel: 'Số nhiệm vụ quá hạn hoặc chưa hoàn thành' }, {
    title: 'Tỷ lệ nhiệm vụ cấp trên giao được hoàn thành đúng hạn',
    scoringText: 'Điểm = tỷ lệ nhiệm vụ hoàn thành đúng hạn × 2 điểm. Không có nhiệm vụ cấp trên giao trong năm: không áp dụng, được tính 1,5 điểm (đề xuất của bộ mẫu).',
    evidence: ['Bảng theo dõi nhiệm vụ được giao (trích xuất từ hệ thống quản lý văn bản)'],
    notApplicable: 'points',
    notApplicablePoints: 150,
  }),
  direct('1.7', 100, BINARY, {
    title: 'Sáng kiến, giải pháp mới về cải cách hành chính được công nhận',
    scoringText: 'Có ít nhất 01 sáng kiến, giải pháp mới về CCHC được cấp có thẩm quyền công nhận: 1 điểm; không có: 0 điểm.',
    evidence: ['Quyết định công nhận sáng kiến, giải pháp'],
    variants: [
      {
        unitTypes: ['dac-khu'],
        maxPoints: 150,
        rule: { type: 'increment', perUnit: 50, unitLabel: 'Số sáng kiến, giải pháp được công nhận' },
        scoringText: 'Đặc khu: cộng 0,5 điểm cho mỗi sáng kiến, giải pháp mới về CCHC được công nhận, tối đa 1,5 điểm.',
      },
    ],
  }),
  direct('1.8', 100, BINARY, {
    title: 'Gắn kết quả cải cách hành chính với thi đua, khen thưởng và đánh giá người đứng đầu',
    scoringText: 'Có gắn kết quả CCHC với thi đua, khen thưởng và đánh giá, xếp loại người đứng đầu: 1 điểm; không: 0 điểm.',
    evidence: ['Văn bản bình xét thi đua có tiêu chí CCHC', 'Phiếu đánh giá người đứng đầu'],
    variants: [{ unitTypes: ['dac-khu'], maxPoints: 50, scoringText: 'Đặc khu: có gắn kết: 0,5 điểm; không: 0 điểm.' }],
  }),
], { floor: 0 });

const field2 = field('2', 'II', 'Cải cách thể chế', 700, [
  direct('2.1', 200, tiers(['dung', 'Ban hành đúng thẩm quyền, trình tự, thủ tục', 200], ['chua-dung-trinh-tu', 'Có văn bản chưa đúng trình tự, thủ tục', 100], ['sai-tham-quyen', 'Có văn bản ban hành sai thẩm quyền', 0]), {
    title: 'Ban hành văn bản quy phạm pháp luật đúng thẩm quyền, trình tự',
    scoringText: 'Đúng thẩm quyền, trình tự, thủ tục: 2 điểm; có văn bản chưa đúng trình tự, thủ tục: 1 điểm; có văn bản sai thẩm quyền: 0 điểm. Không ban hành VBQPPL trong năm: không áp dụng, tính đủ điểm.',
    evidence: ['Danh mục VBQPPL ban hành trong năm', 'Hồ sơ xây dựng văn bản'],
    notApplicable: 'full',
  }),
  direct('2.2', 200, tiers(['day-du', 'Có kế hoạch và thực hiện đầy đủ', 200], ['chua-day-du', 'Có thực hiện nhưng chưa đầy đủ', 100], ['khong', 'Không thực hiện', 0]), {
    title: 'Tự kiểm tra, rà soát, hệ thống hóa văn bản quy phạm pháp luật',
    scoringText: 'Có kế hoạch và thực hiện đầy đủ việc tự kiểm tra, rà soát, hệ thống hóa: 2 điểm; thực hiện chưa đầy đủ: 1 điểm; không thực hiện: 0 điểm.',
    evidence: ['Kế hoạch rà soát, hệ thống hóa VBQPPL', 'Báo cáo kết quả rà soát'],
  }),
  direct('2.3', 150, tiers(['dung-han', 'Có kế hoạch và báo cáo đúng hạn', 150], ['cham', 'Có kế hoạch nhưng báo cáo chậm hoặc chưa đầy đủ', 75], ['khong', 'Không thực hiện', 0]), {
    title: 'Theo dõi tình hình thi hành pháp luật',
    scoringText: 'Có kế hoạch và báo cáo theo dõi thi hành pháp luật đúng hạn: 1,5 điểm; báo cáo chậm hoặc chưa đầy đủ: 0,75 điểm; không thực hiện: 0 điểm.',
    evidence: ['Kế hoạch theo dõi thi hành pháp luật', 'Báo cáo kết quả theo dõi'],
  }),
  direct('2.4', 150, { type: 'ratio', numeratorLabel: 'Số văn bản trái pháp luật đã được xử lý', denominatorLabel: 'Số văn bản trái pháp luật được phát hiện' }, {
    title: 'Xử lý văn bản trái pháp luật được phát hiện',
    scoringText: 'Điểm = tỷ lệ văn bản trái pháp luật đã xử lý × 1,5 điểm. Không phát hiện văn bản trái pháp luật: không áp dụng, tính đủ điểm.',
    evidence: ['Văn bản xử lý (đình chỉ, bãi bỏ, sửa đổi) văn bản trái pháp luật'],
    notApplicable: 'full',
  }),
]);

const field3 = field('3', 'III', 'Cải cách thủ tục hành chính, thực hiện cơ chế một cửa, một cửa liên thông', 1800, [
  direct('3.1', 200, tiers(['day-du', 'Công khai đầy đủ, đúng quy định', 200], ['chua-day-du', 'Công khai chưa đầy đủ hoặc chưa cập nhật kịp thời', 100], ['khong', 'Không công khai', 0]), {
    title: 'Công khai thủ tục hành chính đầy đủ, đúng quy định',
    scoringText: 'Công khai đầy đủ, kịp thời TTHC tại Bộ phận tiếp nhận và trả kết quả và trên Cổng dịch vụ công: 2 điểm; chưa đầy đủ hoặc chưa kịp thời: 1 điểm; không công khai: 0 điểm.',
    evidence: ['Ảnh chụp nơi niêm yết TTHC', 'Danh mục TTHC công khai'],
  }),
  direct('3.2', 200, BINARY, {
    title: '100% thủ tục hành chính thuộc thẩm quyền xã được tiếp nhận, trả kết quả qua Bộ phận một cửa',
    scoringText: '100% TTHC thuộc thẩm quyền được tiếp nhận, trả kết quả tại Bộ phận một cửa: 2 điểm; dưới 100%: 0 điểm.',
    evidence: ['Quyết định công bố danh mục TTHC tiếp nhận tại Bộ phận một cửa', 'Sổ theo dõi hồ sơ'],
  }),
  direct('3.3', 400, { type: 'bands', bands: [{ minPercent: 10000, points: 400 }, { minPercent: 9800, points: 300 }, { minPercent: 9500, points: 200 }, { minPercent: 0, points: 0 }], numeratorLabel: 'Số hồ sơ giải quyết đúng hạn', denominatorLabel: 'Tổng số hồ sơ đã giải quyết', complementLabel: 'Số hồ sơ giải quyết quá hạn' }, {
    title: 'Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn',
    scoringText: '100% hồ sơ đúng hạn: 4 điểm; từ 98% đến dưới 100%: 3 điểm; từ 95% đến dưới 98%: 2 điểm; dưới 95%: 0 điểm.',
    evidence: ['Báo cáo tình hình giải quyết TTHC trích xuất từ Hệ thống thông tin giải quyết TTHC'],
  }),
  direct('3.4', 100, BINARY, {
    title: 'Xin lỗi bằng văn bản đối với 100% hồ sơ giải quyết quá hạn',
    scoringText: 'Có văn bản xin lỗi đối với 100% hồ sơ quá hạn do lỗi của cơ quan: 1 điểm; không đủ: 0 điểm. Không có hồ sơ quá hạn: không áp dụng, tính đủ điểm.',
    evidence: ['Văn bản xin lỗi người dân, tổ chức'],
    notApplicable: 'full',
  }),
  direct('3.5', 150, { type: 'ratio', numeratorLabel: 'Số phản ánh, kiến nghị được xử lý đúng hạn', denominatorLabel: 'Tổng số phản ánh, kiến nghị đã tiếp nhận', complementLabel: 'Số phản ánh, kiến nghị xử lý quá hạn hoặc chưa xử lý' }, {
    title: 'Xử lý phản ánh, kiến nghị về thủ tục hành chính đúng hạn',
    scoringText: 'Điểm = tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn × 1,5 điểm. Không phát sinh phản ánh, kiến nghị: không áp dụng, loại khỏi tổng điểm (đề xuất của bộ mẫu).',
    evidence: ['Sổ theo dõi tiếp nhận, xử lý phản ánh, kiến nghị', 'Văn bản trả lời'],
    notApplicable: 'exclude',
  }),
  direct('3.6', 250, { type: 'ratio-target', targetPercent: 8000, numeratorLabel: 'Số hồ sơ tiếp nhận trực tuyến', denominatorLabel: 'Tổng số hồ sơ tiếp nhận của các TTHC có dịch vụ công trực tuyến' }, {
    title: 'Tỷ lệ hồ sơ thủ tục hành chính tiếp nhận trực tuyến',
    scoringText: 'Từ 80% trở lên: 2,5 điểm; dưới 80%: tỷ lệ / 80% × 2,5 điểm.',
    evidence: ['Báo cáo thống kê trên Cổng dịch vụ công'],
  }),
  direct('3.7', 200, { type: 'ratio-target', targetPercent: 8000, numeratorLabel: 'Số hồ sơ, kết quả được số hóa', denominatorLabel: 'Tổng số hồ sơ đã giải quyết' }, {
    title: 'Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
    scoringText: 'Từ 80% trở lên: 2 điểm; dưới 80%: tỷ lệ / 80% × 2 điểm.',
    evidence: ['Báo cáo số hóa trích xuất từ Hệ thống thông tin giải quyết TTHC'],
  }),
  direct('3.8', 100, { type: 'ratio-target', targetPercent: 5000, numeratorLabel: 'Số hồ sơ thanh toán trực tuyến hoặc trả kết quả qua bưu chính công ích', denominatorLabel: 'Tổng số hồ sơ đã giải quyết' }, {
    title: 'Thanh toán trực tuyến, trả kết quả qua dịch vụ bưu chính công ích',
    scoringText: 'Từ 50% trở lên: 1 điểm; dưới 50%: tỷ lệ / 50% × 1 điểm.',
    evidence: ['Báo cáo thanh toán trực tuyến', 'Sổ theo dõi trả kết quả qua bưu chính'],
    variants: [
      {
        unitTypes: ['phuong'],
        rule: { type: 'ratio-target', targetPercent: 7000, numeratorLabel: 'Số hồ sơ thanh toán trực tuyến hoặc trả kết quả qua bưu chính công ích', denominatorLabel: 'Tổng số hồ sơ đã giải quyết' },
        scoringText: 'Phường: từ 70% trở lên: 1 điểm; dưới 70%: tỷ lệ / 70% × 1 điểm.',
      },
      {
        unitTypes: ['dac-khu'],
        maxPoints: 250,
        rule: {
          type: 'formula',
          inputs: [
            { name: 'buu_chinh', label: 'Số hồ sơ trả kết quả qua dịch vụ bưu chính công ích' },
            { name: 'thanh_toan', label: 'Số hồ sơ thanh toán phí, lệ phí trực tuyến' },
            { name: 'tong_so', label: 'Tổng số hồ sơ đã giải quyết' },
          ],
          expression: 'min(2,5; 4 × buu_chinh / tong_so + 1 × thanh_toan / tong_so)',
        },
        scoringText: 'Đặc khu: Điểm = 4 × tỷ lệ trả kết quả qua bưu chính + 1 × tỷ lệ thanh toán trực tuyến, tối đa 2,5 điểm.',
      },
    ],
  }),
  direct('3.9', 200, tiers(['co-kien-nghi', 'Có rà soát và có kiến nghị đơn giản hóa', 200], ['khong-kien-nghi', 'Có rà soát nhưng không có kiến nghị', 100], ['khong', 'Không rà soát', 0]), {
    title: 'Rà soát, kiến nghị đơn giản hóa thủ tục hành chính',
    scoringText: 'Có kế hoạch rà soát và có kiến nghị đơn giản hóa gửi cấp có thẩm quyền: 2 điểm; có rà soát nhưng không có kiến nghị: 1 điểm; không rà soát: 0 điểm.',
    evidence: ['Kế hoạch rà soát TTHC', 'Văn bản kiến nghị đơn giản hóa'],
  }),
], { variants: [{ unitTypes: ['dac-khu'], maxPoints: 1950 }] });

const field4 = field('4', 'IV', 'Cải cách tổ chức bộ máy hành chính', 500, [
  direct('4.1', 150, BINARY, {
    title: 'Quy chế làm việc, quy định chức năng, nhiệm vụ của các bộ phận',
    scoringText: 'Ban hành quy chế làm việc và phân công chức năng, nhiệm vụ các bộ phận, công chức đúng quy định: 1,5 điểm; không: 0 điểm.',
    evidence: ['Quy chế làm việc của UBND xã', 'Quyết định phân công nhiệm vụ'],
  }),
  direct('4.2', 200, tiers(['dung', 'Bố trí đúng vị trí việc làm, không vượt biên chế', 200], ['chua-dung-vtvl', 'Còn trường hợp chưa đúng vị trí việc làm', 100], ['vuot-bien-che', 'Vượt biên chế được giao', 0]), {
    title: 'Bố trí cán bộ, công chức theo vị trí việc làm, biên chế được giao',
    scoringText: 'Bố trí đúng vị trí việc làm, không vượt biên chế: 2 điểm; còn trường hợp chưa đúng vị trí việc làm: 1 điểm; vượt biên chế: 0 điểm.',
    evidence: ['Danh sách CBCC theo vị trí việc làm', 'Quyết định giao biên chế'],
  }),
  direct('4.3', 150, tiers(['dung', 'Thực hiện đúng, đủ nội dung được phân cấp, ủy quyền', 150], ['chua-dung', 'Có nội dung thực hiện chưa đúng', 75], ['khong', 'Không thực hiện', 0]), {
    title: 'Thực hiện phân cấp, ủy quyền đúng quy định',
    scoringText: 'Thực hiện đúng, đủ: 1,5 điểm; có nội dung chưa đúng: 0,75 điểm; không thực hiện: 0 điểm. Không được phân cấp, ủy quyền: không áp dụng, tính đủ điểm.',
    evidence: ['Văn bản phân cấp, ủy quyền', 'Báo cáo kết quả thực hiện'],
    notApplicable: 'full',
  }),
]);

const field5 = field('5', 'V', 'Cải cách chế độ công vụ', 1100, [
  direct('5.1', 300, { type: 'ratio', numeratorLabel: 'Số cán bộ, công chức đạt chuẩn', denominatorLabel: 'Tổng số cán bộ, công chức', complementLabel: 'Số cán bộ, công chức chưa đạt chuẩn' }, {
    title: 'Tỷ lệ cán bộ, công chức đạt chuẩn theo quy định',
    scoringText: 'Điểm = tỷ lệ CBCC đạt chuẩn × 3 điểm.',
    evidence: ['Danh sách CBCC kèm trình độ chuyên môn, lý luận chính trị'],
  }),
  direct('5.2', 200, { type: 'ratio', numeratorLabel: 'Số lượt cán bộ, công chức đã được đào tạo, bồi dưỡng', denominatorLabel: 'Số lượt theo kế hoạch đào tạo, bồi dưỡng năm' }, {
    title: 'Đào tạo, bồi dưỡng cán bộ, công chức theo kế hoạch',
    scoringText: 'Điểm = tỷ lệ hoàn thành kế hoạch đào tạo, bồi dưỡng × 2 điểm.',
    evidence: ['Kế hoạch đào tạo, bồi dưỡng', 'Giấy chứng nhận, danh sách học viên'],
  }),
  direct('5.3', 150, BINARY, {
    title: 'Đánh giá, xếp loại chất lượng cán bộ, công chức đúng quy định',
    scoringText: 'Đánh giá, xếp loại CBCC năm đúng quy định, đúng thời hạn: 1,5 điểm; không: 0 điểm.',
    evidence: ['Quyết định xếp loại chất lượng CBCC năm'],
  }),
  direct('5.4', 250, { type: 'deduction', perEvent: 50, floor: 0, eventLabel: 'Số cán bộ, công chức bị kỷ luật trong năm' }, {
    title: 'Kỷ luật, kỷ cương hành chính',
    scoringText: 'Không có CBCC bị kỷ luật: 2,5 điểm; mỗi trường hợp bị kỷ luật trừ 0,5 điểm, thấp nhất 0 điểm.',
    evidence: ['Quyết định kỷ luật (nếu có)', 'Báo cáo tình hình chấp hành kỷ luật, kỷ cương'],
  }),
  direct('5.5', 200, tiers(['tot', 'Thực hiện tốt, không có vi phạm bị phản ánh', 200], ['nhac-nho', 'Có vi phạm bị phản ánh, nhắc nhở', 100], ['xu-ly', 'Có vi phạm bị xử lý', 0]), {
    title: 'Văn hóa công vụ, quy tắc ứng xử của cán bộ, công chức',
    scoringText: 'Ban hành, thực hiện quy tắc ứng xử và không có vi phạm bị phản ánh: 2 điểm; có vi phạm bị nhắc nhở: 1 điểm; có vi phạm bị xử lý: 0 điểm.',
    evidence: ['Quy tắc ứng xử của CBCC xã', 'Báo cáo thực hiện văn hóa công vụ'],
  }),
]);

const field6 = field('6', 'VI', 'Cải cách tài chính công', 500, [
  direct('6.1', 150, BINARY, {
    title: 'Quy chế chi tiêu nội bộ',
    scoringText: 'Ban hành quy chế chi tiêu nội bộ đúng quy định, đúng thời hạn: 1,5 điểm; không: 0 điểm.',
    evidence: ['Quy chế chi tiêu nội bộ năm'],
  }),
  direct('6.2', 150, tiers(['day-du', 'Công khai đầy đủ, đúng thời hạn', 150], ['chua-day-du', 'Công khai chưa đầy đủ hoặc chậm', 75], ['khong', 'Không công khai', 0]), {
    title: 'Công khai ngân sách xã',
    scoringText: 'Công khai đầy đủ, đúng thời hạn dự toán, quyết toán ngân sách xã: 1,5 điểm; chưa đầy đủ hoặc chậm: 0,75 điểm; không công khai: 0 điểm.',
    evidence: ['Quyết định công bố công khai dự toán, quyết toán', 'Ảnh chụp nơi niêm yết'],
  }),
  direct('6.3', 100, tiers(['tot', 'Có quy chế, chương trình và thực hiện tốt', 100], ['chua-day-du', 'Có nhưng thực hiện chưa đầy đủ', 50], ['khong', 'Không có', 0]), {
    title: 'Quản lý, sử dụng tài sản công; thực hành tiết kiệm, chống lãng phí',
    scoringText: 'Có quy chế quản lý tài sản công, chương trình tiết kiệm, chống lãng phí và thực hiện tốt: 1 điểm; thực hiện chưa đầy đủ: 0,5 điểm; không có: 0 điểm.',
    evidence: ['Quy chế quản lý tài sản công', 'Chương trình thực hành tiết kiệm, chống lãng phí'],
  }),
  direct('6.4', 100, { type: 'deduction', perEvent: 50, floor: 0, eventLabel: 'Số sai phạm được kết luận qua thanh tra, kiểm toán' }, {
    title: 'Không có sai phạm về tài chính qua thanh tra, kiểm toán',
    scoringText: 'Không có sai phạm: 1 điểm; mỗi sai phạm được kết luận trừ 0,5 điểm, thấp nhất 0 điểm.',
    evidence: ['Kết luận thanh tra, kiểm toán trong năm (nếu có)'],
  }),
]);

const field7 = field('7', 'VII', 'Xây dựng, phát triển chính quyền điện tử, chính quyền số', 1500, [
  direct('7.1', 300, { type: 'ratio', numeratorLabel: 'Số văn bản đi gửi dưới dạng điện tử', denominatorLabel: 'Tổng số văn bản đi (trừ văn bản mật)' }, {
    title: 'Tỷ lệ văn bản điện tử trên hệ thống quản lý văn bản',
    scoringText: 'Điểm = tỷ lệ văn bản đi dưới dạng điện tử × 3 điểm.',
    evidence: ['Báo cáo thống kê từ hệ thống quản lý văn bản và điều hành'],
  }),
  direct('7.2', 200, { type: 'ratio', numeratorLabel: 'Số văn bản điện tử được ký số', denominatorLabel: 'Tổng số văn bản điện tử gửi đi' }, {
    title: 'Sử dụng chữ ký số',
    scoringText: 'Điểm = tỷ lệ văn bản điện tử được ký số × 2 điểm.',
    evidence: ['Báo cáo thống kê ký số từ hệ thống quản lý văn bản'],
  }),
  direct('7.3', 200, tiers(['day-du', 'Cập nhật đầy đủ, kịp thời', 200], ['chua-day-du', 'Có cập nhật nhưng chưa đầy đủ', 100], ['khong', 'Không có trang hoặc không cập nhật', 0]), {
    title: 'Trang thông tin điện tử của xã cập nhật đầy đủ',
    scoringText: 'Cập nhật đầy đủ, kịp thời các nội dung phải công khai: 2 điểm; chưa đầy đủ: 1 điểm; không có trang hoặc không cập nhật: 0 điểm.',
    evidence: ['Địa chỉ trang thông tin điện tử', 'Ảnh chụp các chuyên mục'],
  }),
  direct('7.4', 200, tiers(['du', '100% hồ sơ xử lý trên hệ thống', 200], ['tu-90', 'Từ 90% đến dưới 100% hồ sơ', 100], ['duoi-90', 'Dưới 90% hồ sơ', 0]), {
    title: 'Sử dụng Hệ thống thông tin giải quyết thủ tục hành chính',
    scoringText: '100% hồ sơ TTHC được cập nhật, xử lý trên Hệ thống thông tin giải quyết TTHC: 2 điểm; từ 90% đến dưới 100%: 1 điểm; dưới 90%: 0 điểm.',
    evidence: ['Báo cáo trích xuất từ Hệ thống thông tin giải quyết TTHC'],
  }),
  direct('7.5', 200, { type: 'ratio', numeratorLabel: 'Số hồ sơ có khai thác dữ liệu từ CSDL quốc gia về dân cư', denominatorLabel: 'Tổng số hồ sơ TTHC cần thông tin công dân' }, {
    title: 'Khai thác, sử dụng Cơ sở dữ liệu quốc gia về dân cư',
    scoringText: 'Điểm = tỷ lệ hồ sơ có khai thác dữ liệu dân cư × 2 điểm.',
    evidence: ['Báo cáo khai thác CSDL quốc gia về dân cư'],
  }),
  direct('7.6', 100, BINARY, {
    title: 'Tổ chức họp, báo cáo trực tuyến',
    scoringText: 'Tổ chức, tham gia họp và báo cáo trực tuyến qua hệ thống của tỉnh: 1 điểm; không: 0 điểm.',
    evidence: ['Giấy mời, biên bản các cuộc họp trực tuyến'],
  }),
  direct('7.7', 150, BINARY, {
    title: 'Duy trì, áp dụng hệ thống quản lý chất lượng theo TCVN ISO 9001:2015',
    scoringText: 'Duy trì, áp dụng, cải tiến hệ thống quản lý chất lượng: 1,5 điểm; không: 0 điểm. Không áp dụng đối với đặc khu.',
    evidence: ['Quyết định công bố hệ thống quản lý chất lượng', 'Báo cáo đánh giá nội bộ'],
    unitTypes: ['xa', 'phuong'],
  }),
  direct('7.8', 150, tiers(['tot', 'Có quy chế và không để xảy ra sự cố', 150], ['su-co', 'Có quy chế nhưng để xảy ra sự cố mất an toàn thông tin', 75], ['khong', 'Không có quy chế', 0]), {
    title: 'Bảo đảm an toàn thông tin mạng',
    scoringText: 'Có quy chế, phương án bảo đảm an toàn thông tin và không để xảy ra sự cố: 1,5 điểm; có sự cố: 0,75 điểm; không có quy chế: 0 điểm.',
    evidence: ['Quy chế bảo đảm an toàn thông tin', 'Báo cáo tình hình an toàn thông tin'],
  }),
], { variants: [{ unitTypes: ['dac-khu'], maxPoints: 1350 }] });

const field8: FrameworkField = {
  code: '8',
  numbering: 'VIII',
  title: 'Đánh giá của người dân, tổ chức (điều tra xã hội học)',
  maxPoints: 3000,
  criteria: [
    {
      code: '8.1',
      title: 'Chất lượng phục vụ tại Bộ phận tiếp nhận và trả kết quả',
      maxPoints: 1500,
      items: [
        survey('8.1.1', 'a)', 'Khả năng tiếp cận, cơ sở vật chất của Bộ phận tiếp nhận và trả kết quả'),
        survey('8.1.2', 'b)', 'Công khai, minh bạch thông tin về thủ tục hành chính'),
        survey('8.1.3', 'c)', 'Thời gian giải quyết, số lần đi lại'),
        survey('8.1.4', 'd)', 'Kết quả giải quyết và việc tiếp nhận, xử lý góp ý'),
      ],
    },
    {
      code: '8.2',
      title: 'Chất lượng công chức',
      maxPoints: 1500,
      items: [
        survey('8.2.1', 'a)', 'Thái độ giao tiếp của công chức'),
        survey('8.2.2', 'b)', 'Tinh thần trách nhiệm của công chức'),
        survey('8.2.3', 'c)', 'Năng lực, sự hướng dẫn của công chức'),
        survey('8.2.4', 'd)', 'Không gây phiền hà, sách nhiễu'),
      ],
    },
  ],
};

const QUARTER: ManualRule = { type: 'manual', step: 25 };

export const sampleFramework: Framework = {
  schemaVersion: 1,
  id: 'mau-tham-khao-cap-xa',
  title: 'Bộ tiêu chí xác định Chỉ số cải cách hành chính cấp xã — Mẫu (tham khảo)',
  sample: true,
  province: { code: '00', name: 'Mẫu (không thuộc tỉnh nào)' },
  year: 2025,
  unitTypes: ['xa', 'phuong', 'dac-khu'],
  version: '1.0',
  issuedBy: 'Bộ mẫu kèm theo ứng dụng, không phải văn bản do cơ quan có thẩm quyền ban hành',
  totalMax: 10000,
  groups: [
    { code: 'nhom-1', label: 'Nhóm 1: từ 80% trở lên', minPercent: 8000 },
    { code: 'nhom-2', label: 'Nhóm 2: từ 70% đến dưới 80%', minPercent: 7000 },
    { code: 'nhom-3', label: 'Nhóm 3: từ 60% đến dưới 70%', minPercent: 6000 },
    { code: 'nhom-4', label: 'Nhóm 4: dưới 60%', minPercent: 0 },
  ],
  fields: [field1, field2, field3, field4, field5, field6, field7, field8],
  adjustments: [
    {
      code: '9.1',
      title: 'Sáng kiến, mô hình mới về cải cách hành chính được cấp tỉnh công nhận, nhân rộng',
      scoringText: 'Mỗi sáng kiến, mô hình được công nhận: cộng 1 điểm, tối đa 3 điểm.',
      kind: 'bonus',
      cap: 300,
      rule: QUARTER,
      evidence: ['Quyết định công nhận, nhân rộng sáng kiến, mô hình'],
    },
    {
      code: '9.2',
      title: 'Được khen thưởng về công tác cải cách hành chính',
      scoringText: 'Bằng khen cấp tỉnh trở lên: cộng 2 điểm; giấy khen: cộng 1 điểm.',
      kind: 'bonus',
      cap: 200,
      rule: QUARTER,
      evidence: ['Quyết định khen thưởng'],
    },
    {
      code: '9.3',
      title: 'Vi phạm trong giải quyết thủ tục hành chính bị cơ quan có thẩm quyền kết luận',
      scoringText: 'Mỗi vi phạm được kết luận: trừ 1 điểm, tối đa trừ 3 điểm.',
      kind: 'penalty',
      cap: 300,
      rule: QUARTER,
      evidence: ['Kết luận, văn bản xử lý vi phạm'],
    },
    {
      code: '9.4',
      title: 'Không thực hiện hoặc thực hiện chậm nhiệm vụ CCHC được cấp trên đôn đốc bằng văn bản',
      scoringText: 'Mỗi văn bản đôn đốc, nhắc nhở: trừ 0,5 điểm, tối đa trừ 2 điểm.',
      kind: 'penalty',
      cap: 200,
      rule: QUARTER,
      evidence: ['Văn bản đôn đốc, nhắc nhở của cấp trên'],
    },
  ],
  adjustmentCaps: { bonus: 500, penalty: 500 },
  survey: sampleSurvey,
  surveyPolicy: { whenMissing: 'count-zero', belowMinimum: 'warn' },
  rounding: { points: 'half-up', index: 'half-up', groupOn: 'rounded' },
  variants: [
    {
      unitTypes: ['dac-khu'],
      groups: [
        { code: 'nhom-1', label: 'Nhóm 1: từ 80% trở lên', minPercent: 8000 },
        { code: 'nhom-2', label: 'Nhóm 2: từ 65% đến dưới 80%', minPercent: 6500 },
        { code: 'nhom-3', label: 'Nhóm 3: dưới 65%', minPercent: 0 },
      ],
    },
  ],
};
