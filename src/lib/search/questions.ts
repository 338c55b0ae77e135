/**
 * Questions whose answer is a few measures' latest figures ("is crime going up", "crime statistics"),
 * as content/search-terms.yaml lists them. A search made only of a question's words leads with its
 * measures, each showing its latest figure, area and period from the data step's views.
 * Pure functions, shared by the build (views) and the browser (search page).
 */
import { normaliseForMatching, STOP_WORDS } from './expand.ts';

/** A measure's latest figure as a search result shows it: every figure says its area, period and age. */
export interface AnswerFigure {
  /** The value as the site writes it, e.g. "32,599" or "12.5%". */
  readonly valueText: string;
  /** What is counted, e.g. "offences"; absent where the value says it (a percentage, a rate). */
  readonly unitLabel?: string;
  readonly areaName: string;
  readonly periodLabel: string;
  /** When it was released, or that it is out of date: "Figure for year ending June 2025, published on this site 23 November 2026." */
  readonly sentence: string;
}

/** One measure that answers a question. */
export interface Answer {
  readonly slug: string;
  readonly title: string;
  /** Absent when the measure has no published figure yet. */
  readonly latest?: AnswerFigure;
}

/** A question as the search page receives it. */
export interface SearchQuestionView {
  readonly about: readonly string[];
  readonly asking: readonly string[];
  readonly answers: readonly Answer[];
}

/** The words and phrases of a list, normalised, longest first so "going up" is taken before "up". */
function phrases(list: readonly string[]): string[][] {
  return list
    .map((p) => normaliseForMatching(p).split(' ').filter(Boolean))
    .filter((p) => p.length > 0)
    .sort((a, b) => b.length - a.length);
}

/**
 * Whether `query` asks `question`: once common words are left out, it holds at least one `about`
 * word, at least one `asking` word, and nothing else ("is crime going up" does; "is knife crime going
 * up" does not, since knife crime has measures of its own that an ordinary search finds).
 */
export function asksQuestion(query: string, question: Pick<SearchQuestionView, 'about' | 'asking'>): boolean {
  const words = normaliseForMatching(query).split(' ').filter((w) => w && !STOP_WORDS.has(w));
  const about = phrases(question.about);
  const asking = phrases(question.asking);
  let heldAbout = false;
  let heldAsking = false;
  let i = 0;
  while (i < words.length) {
    const at = (list: string[][]) => list.find((p) => p.every((w, k) => words[i + k] === w));
    const found = at(about) ?? at(asking);
    if (!found) return false;
    if (about.includes(found)) heldAbout = true;
    else heldAsking = true;
    i += found.length;
  }
  return heldAbout && heldAsking;
}

/** The first question `query` asks, if any. */
export function questionAsked<Q extends Pick<SearchQuestionView, 'about' | 'asking'>>(query: string, questions: readonly Q[]): Q | undefined {
  if (/^\s*".+"\s*$/.test(query)) return undefined;
  return questions.find((q) => asksQuestion(query, q));
}

/** "32,599 offences in Nottingham, year ending June 2025": the figure with what, where and when. */
export function answerFigureText(figure: AnswerFigure): string {
  const unit = figure.unitLabel ? ` ${figure.unitLabel}` : '';
  return `${figure.valueText}${unit} in ${figure.areaName}, ${figure.periodLabel}`;
}
