/**
 * Checks of the questionnaire and of the survey's place (surveyPolicy) in a framework resolved
 * for one unit type: every survey item scored from forms is fed by a question, questions feed
 * real survey items, options fit their question type, the policy has something to act on.
 */
import type { Framework, FrameworkItem, SurveyQuestion } from './schema';
import type { Add } from './validate-rules';

/**
 * `elsewhere`: survey item codes that exist for another unit type of the same framework; a
 * question feeding one of them is not an error for this type (the paper form is shared).
 */
export function checkSurvey(fw: Framework, surveyItems: ReadonlyMap<string, FrameworkItem>, add: Add, elsewhere: ReadonlySet<string> = new Set()): void {
  const fromForms = new Map([...surveyItems].filter(([, i]) => i.rule.type === 'survey' && i.rule.source !== 'entered'));
  const entered = new Set([...surveyItems.keys()].filter((c) => !fromForms.has(c)));
  const policy = fw.surveyPolicy;
  if (policy && surveyItems.size === 0) {
    add('surveyPolicy', 'Bộ tiêu chí không có tiêu chí nào chấm theo khảo sát nên không cần surveyPolicy.');
  }
  const survey = fw.survey;
  if (policy?.belowMinimum !== undefined && (!survey || fromForms.size === 0)) {
    add('surveyPolicy.belowMinimum', 'Quy định khi thiếu phiếu chỉ dùng được khi có tiêu chí tính điểm từ phiếu khảo sát nhập trong ứng dụng.');
  }
  if (!survey) {
    if (fromForms.size > 0) {
      add('survey', `Có tiêu chí tính điểm từ phiếu khảo sát (${[...fromForms.keys()].join(', ')}) nhưng chưa khai phiếu.`);
    }
    return;
  }
  if (survey.minForms > survey.targetForms) {
    add('survey.minForms', `Số phiếu tối thiểu (${survey.minForms}) lớn hơn số phiếu cần thu (${survey.targetForms}).`);
  }
  const questionCodes = new Set<string>();
  const fed = new Set<string>();
  const checkQuestion = (q: SurveyQuestion, qPath: string, isFact: boolean): void => {
    if (questionCodes.has(q.code)) add(`${qPath}.code`, `Mã câu hỏi ${q.code} bị trùng.`);
    questionCodes.add(q.code);
    checkQuestionOptions(q, qPath, add);
    const weighted = (q.options ?? []).filter((o) => o.weight !== null);
    if (q.feeds === undefined) {
      if (weighted.length > 0) {
        add(`${qPath}.options`, `Câu ${q.code} không tính điểm cho tiêu chí nào nên các phương án không có trọng số (null).`);
      }
      return;
    }
    if (isFact) {
      add(`${qPath}.feeds`, `Câu ${q.code} là thông tin người trả lời, không được tính điểm.`);
      return;
    }
    if (entered.has(q.feeds)) {
      add(`${qPath}.feeds`, `Câu ${q.code} tính điểm cho ${q.feeds}, nhưng điểm khảo sát của ${q.feeds} được nhập trực tiếp (source "entered"), không tính từ phiếu.`);
    } else if (!fromForms.has(q.feeds) && !elsewhere.has(q.feeds)) {
      add(`${qPath}.feeds`, `Câu ${q.code} tính điểm cho ${q.feeds}, nhưng không có tiêu chí thành phần nào mã ${q.feeds} chấm theo phiếu khảo sát.`);
    }
    fed.add(q.feeds);
    if (weighted.length === 0) {
      add(`${qPath}.options`, `Câu ${q.code} tính điểm nên phải có phương án mang trọng số.`);
    }
  };
  survey.respondentFacts.forEach((q, qi) => checkQuestion(q, `survey.respondentFacts[${qi}]`, true));
  const sectionCodes = new Set<string>();
  survey.sections.forEach((s, si) => {
    if (sectionCodes.has(s.code)) add(`survey.sections[${si}].code`, `Mã phần ${s.code} bị trùng.`);
    sectionCodes.add(s.code);
    s.questions.forEach((q, qi) => checkQuestion(q, `survey.sections[${si}].questions[${qi}]`, false));
  });
  for (const code of fromForms.keys()) {
    if (!fed.has(code)) add('survey', `Tiêu chí thành phần ${code} chấm theo phiếu khảo sát nhưng không có câu hỏi nào tính điểm cho nó.`);
  }
}

const OPTION_COUNT: Partial<Record<SurveyQuestion['type'], number>> = { likert5: 5, yesno: 2 };

function checkQuestionOptions(q: SurveyQuestion, qPath: string, add: Add): void {
  const options = q.options ?? [];
  const hasOptions = q.type === 'likert5' || q.type === 'single' || q.type === 'yesno';
  if (!hasOptions) {
    if (options.length > 0) add(`${qPath}.options`, `Câu ${q.code} (loại ${q.type}) không có phương án lựa chọn.`);
    if (q.feeds !== undefined) add(`${qPath}.feeds`, `Câu ${q.code} (loại ${q.type}) không thể tính điểm.`);
    return;
  }
  const expected = OPTION_COUNT[q.type];
  if (expected !== undefined && options.length !== expected) {
    add(`${qPath}.options`, `Câu ${q.code} (loại ${q.type}) cần đúng ${expected} phương án, đang có ${options.length}.`);
  } else if (options.length < 2) {
    add(`${qPath}.options`, `Câu ${q.code} cần ít nhất 2 phương án.`);
  }
  const values = new Set<string>();
  options.forEach((o, oi) => {
    if (values.has(o.value)) add(`${qPath}.options[${oi}].value`, `Câu ${q.code}: phương án ${o.value} bị trùng.`);
    values.add(o.value);
  });
}
