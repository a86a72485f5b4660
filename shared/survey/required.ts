/**
 * The required-question rule, one place for all: a saved questionnaire has an answer for every
 * question the framework marks `required` ("Không trả lời" is no answer). The keying screen stops
 * the save with it, the use case refuses with it (SURVEY_REQUIRED_BLANK), and a file import lists
 * it per line; each says which question, by its code and the start of its text.
 */
import type { SurveyDefinition, SurveyQuestion } from '../framework/schema';
import type { SurveyAnswer } from '../scoring/survey';
import { allQuestions } from '../scoring/survey';

/** The required questions with no answer, in paper order. */
export function blankRequired(def: SurveyDefinition, answers: Readonly<Record<string, SurveyAnswer | undefined>>): SurveyQuestion[] {
  return allQuestions(def).filter((q) => q.required && (answers[q.code] === undefined || answers[q.code] === null));
}

const OPTION_TYPES = new Set(['likert5', 'single', 'yesno']);

/** The question's text, shortened for a sentence (a whole likert question is too long to read twice). */
export function shortText(q: SurveyQuestion, max = 60): string {
  const text = q.text.normalize('NFC').trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/u, '')}…`;
}

/** "Câu A5 (Hồ sơ của Ông/Bà…) là bắt buộc: hãy chọn một câu trả lời." */
export function requiredSentence(q: SurveyQuestion, lang: 'vi' | 'en' = 'vi'): string {
  const option = OPTION_TYPES.has(q.type);
  if (lang === 'en') return `Question ${q.code} (${shortText(q)}) is required: ${option ? 'choose an answer' : 'type the answer'} from the paper form.`;
  return `Câu ${q.code} (${shortText(q)}) là bắt buộc: hãy ${option ? 'chọn một câu trả lời' : 'nhập câu trả lời'} theo phiếu giấy.`;
}
