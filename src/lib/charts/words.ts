/**
 * Sentence pieces every chart's words use. Each kind writes its own words (its summary for the caption,
 * its shorter <desc>) from the same input as its picture, so the words never disagree with it.
 */
import type { Polarity } from '../schemas/measure.ts';

/** "a", "a and b", "a, b and c". */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}


/** A breakdown label mid-sentence: headings ("Age band") read "age band", unless they start with an acronym ("ONS ethnic group"). */
export function lowerFirst(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/** The text with a full stop, unless it already ends a sentence. */
export function endSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** Sentence saying whether a move was better or worse, or "" when polarity forbids a judgement. */
export function judgementSentence(direction: 'up' | 'down', polarity: Polarity): string {
  if (polarity === 'no_judgement') return '';
  const better = polarity === 'lower_is_better' ? 'lower' : 'higher';
  const improved = (direction === 'down') === (polarity === 'lower_is_better');
  return `${improved ? 'This is an improvement' : 'This is a worse result'}: ${better} is better for this measure.`;
}
