/**
 * The questionnaire of the sample framework (Mẫu (tham khảo)): respondent facts, then two
 * sections matching criteria 8.1 and 8.2. Likert answers weigh 100/75/50/25/0% (the
 * sample's default; a province may set 100/60/20/0). A few factual questions feed an item
 * with their own weights (trips needed, result on time, harassment); the rest feed nothing.
 */
import type { SurveyDefinition, SurveyOption, SurveyQuestion } from './schema';

const LIKERT: SurveyOption[] = [
  { value: '1', label: 'Rất hài lòng', weight: 10000 },
  { value: '2', label: 'Hài lòng', weight: 7500 },
  { value: '3', label: 'Bình thường', weight: 5000 },
  { value: '4', label: 'Không hài lòng', weight: 2500 },
  { value: '5', label: 'Rất không hài lòng', weight: 0 },
];

function likert(code: string, feeds: string, text: string): SurveyQuestion {
  return { code, text, type: 'likert5', options: LIKERT, feeds, required: true };
}

function facts(code: string, text: string, labels: string[]): SurveyQuestion {
  return {
    code,
    text,
    type: 'single',
    options: labels.map((label, i) => ({ value: String(i + 1), label, weight: null })),
    required: true,
  };
}

export const sampleSurvey: SurveyDefinition = {
  targetForms: 20,
  minForms: 20,
  // Seen: 150 per xã, 200 per phường (Bình Dương 2018): a phường asks more people.
  variants: [{ unitTypes: ['phuong'], targetForms: 30, minForms: 30 }],
  respondentFacts: [
    facts('TT1', 'Giới tính', ['Nam', 'Nữ']),
    facts('TT2', 'Nhóm tuổi', ['Dưới 30 tuổi', 'Từ 30 đến 45 tuổi', 'Từ 46 đến 60 tuổi', 'Trên 60 tuổi']),
    facts('TT3', 'Nghề nghiệp', [
      'Cán bộ, công chức, viên chức',
      'Công nhân, người lao động',
      'Nông dân',
      'Kinh doanh, buôn bán, dịch vụ',
      'Học sinh, sinh viên',
      'Hưu trí, nội trợ',
      'Đại diện tổ chức, doanh nghiệp',
      'Khác',
    ]),
    facts('TT4', 'Lĩnh vực thủ tục hành chính đã thực hiện', [
      'Hộ tịch (khai sinh, kết hôn, khai tử…)',
      'Chứng thực',
      'Đất đai, xây dựng',
      'Lao động, người có công, bảo trợ xã hội',
      'Đăng ký kinh doanh hộ gia đình',
      'Khác',
    ]),
    { code: 'TT5', text: 'Ngày thực hiện thủ tục (ghi trên phiếu)', type: 'date', required: false },
    facts('TT6', 'Hình thức nộp hồ sơ', [
      'Trực tiếp tại Bộ phận tiếp nhận và trả kết quả',
      'Trực tuyến trên Cổng dịch vụ công',
      'Qua dịch vụ bưu chính công ích',
    ]),
  ],
  sections: [
    {
      code: 'A',
      title: 'Chất lượng phục vụ tại Bộ phận tiếp nhận và trả kết quả',
      questions: [
        likert('A1', '8.1.1', 'Ông/Bà đánh giá thế nào về sự thuận tiện khi tìm đến Bộ phận tiếp nhận và trả kết quả (địa điểm, biển chỉ dẫn)?'),
        likert('A2', '8.1.1', 'Ông/Bà đánh giá thế nào về cơ sở vật chất, trang thiết bị (chỗ ngồi chờ, bàn viết, máy tra cứu, nước uống)?'),
        likert('A3', '8.1.2', 'Ông/Bà đánh giá thế nào về việc niêm yết công khai thủ tục hành chính (thành phần hồ sơ, mẫu đơn, tờ khai)?'),
        likert('A4', '8.1.2', 'Ông/Bà đánh giá thế nào về việc công khai phí, lệ phí và thời hạn giải quyết?'),
        {
          code: 'A5',
          text: 'Hồ sơ của Ông/Bà có được tiếp nhận đúng thành phần như đã niêm yết, không phải nộp thêm giấy tờ?',
          type: 'yesno',
          options: [
            { value: '1', label: 'Có', weight: 10000 },
            { value: '2', label: 'Không', weight: 0 },
          ],
          feeds: '8.1.2',
          required: true,
        },
        likert('A6', '8.1.3', 'Ông/Bà đánh giá thế nào về thời gian giải quyết hồ sơ so với quy định?'),
        likert('A7', '8.1.3', 'Ông/Bà đánh giá thế nào về việc được hẹn, thông báo tình trạng hồ sơ (kể cả khi chậm hẹn)?'),
        {
          code: 'A8',
          text: 'Để hoàn thành thủ tục, Ông/Bà phải đi lại bao nhiêu lần?',
          type: 'single',
          options: [
            { value: '1', label: '1 lần', weight: 10000 },
            { value: '2', label: '2 lần', weight: 5000 },
            { value: '3', label: 'Từ 3 lần trở lên', weight: 0 },
          ],
          feeds: '8.1.3',
          required: true,
        },
        {
          code: 'A9',
          text: 'Ông/Bà có nhận được kết quả đúng hẹn ghi trên giấy tiếp nhận hồ sơ không?',
          type: 'yesno',
          options: [
            { value: '1', label: 'Có', weight: 10000 },
            { value: '2', label: 'Không', weight: 0 },
          ],
          feeds: '8.1.3',
          required: true,
        },
        likert('A10', '8.1.4', 'Ông/Bà đánh giá thế nào về kết quả giải quyết nhận được (đúng quy định, chính xác thông tin)?'),
        likert('A11', '8.1.4', 'Ông/Bà đánh giá thế nào về việc tiếp nhận và xử lý góp ý, phản ánh, kiến nghị?'),
      ],
    },
    {
      code: 'B',
      title: 'Chất lượng công chức tiếp nhận, giải quyết hồ sơ',
      questions: [
        likert('B1', '8.2.1', 'Ông/Bà đánh giá thế nào về thái độ lịch sự, tôn trọng của công chức khi giao tiếp?'),
        likert('B2', '8.2.1', 'Ông/Bà đánh giá thế nào về việc công chức lắng nghe ý kiến, câu hỏi của Ông/Bà?'),
        likert('B3', '8.2.2', 'Ông/Bà đánh giá thế nào về sự tận tình, chủ động giải quyết công việc của công chức?'),
        likert('B4', '8.2.2', 'Ông/Bà đánh giá thế nào về việc công chức tuân thủ đúng quy trình, hẹn trả kết quả rõ ràng?'),
        likert('B5', '8.2.3', 'Ông/Bà đánh giá thế nào về việc công chức hướng dẫn kê khai hồ sơ đầy đủ, dễ hiểu, một lần là đủ?'),
        likert('B6', '8.2.3', 'Ông/Bà đánh giá thế nào về việc công chức giải đáp các thắc mắc của Ông/Bà?'),
        likert('B7', '8.2.4', 'Ông/Bà đánh giá thế nào về việc công chức không gây phiền hà, sách nhiễu?'),
        likert('B8', '8.2.4', 'Ông/Bà đánh giá thế nào về việc công chức chỉ yêu cầu giấy tờ đúng quy định, không đòi hỏi thêm?'),
        {
          code: 'B9',
          text: 'Công chức có gây phiền hà, sách nhiễu hoặc gợi ý chi thêm tiền ngoài phí, lệ phí không?',
          type: 'yesno',
          // Reversed: "Có" (yes, there was harassment) scores nothing.
          options: [
            { value: '1', label: 'Có', weight: 0 },
            { value: '2', label: 'Không', weight: 10000 },
          ],
          feeds: '8.2.4',
          required: true,
        },
      ],
    },
    {
      code: 'C',
      title: 'Thông tin thêm',
      questions: [
        {
          code: 'C1',
          text: 'Ông/Bà có biết địa chỉ tiếp nhận phản ánh, kiến nghị về thủ tục hành chính của xã không?',
          type: 'yesno',
          options: [
            { value: '1', label: 'Có', weight: null },
            { value: '2', label: 'Không', weight: null },
          ],
          required: false,
        },
        { code: 'C2', text: 'Số lần Ông/Bà đã liên hệ giải quyết thủ tục tại xã trong năm', type: 'number', required: false },
        { code: 'C3', text: 'Ý kiến góp ý khác của Ông/Bà', type: 'text', required: false },
      ],
    },
  ],
};
