/**
 * One line per figure: a ratio of two times measured in the same run, the budget on that ratio, and
 * the two times it was made of. Times differ between machines; ratios of times measured side by
 * side, in interleaved rounds, carry.
 */
export interface Figure {
  name: string;
  /** ours / reference */
  ratio: number;
  /** the ratio's budget; absent when the line only gives context */
  budget?: number;
  /** `≤` (default) or `≥` (fidelity rates) */
  direction?: 'max' | 'min';
  ours: string;
  reference: string;
  /** what the reference is, as printed after "vs" ("a bare extension page") */
  referenceName?: string;
  /** extra words after the numbers */
  note?: string;
  /** what follows the ratio: `x` (times the reference) unless given */
  unit?: string;
  /** a mark of its own instead of the ratio against the budget (e.g. "no work" needs more than a ratio) */
  pass?: boolean;
}

export const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;

function ratioText(value: number): string {
  if (Number.isNaN(value)) return 'n/a ';
  if (value === 0) return '0';
  if (Math.abs(value) < 0.01) return value.toFixed(4);
  if (Math.abs(value) < 0.1) return value.toFixed(3);
  return value.toFixed(2);
}

export function line(figure: Figure): string {
  const { name, ratio, budget, direction = 'max', ours, reference, referenceName, note, unit = 'x' } = figure;
  const sign = direction === 'max' ? '≤' : '≥';
  const budgetText = budget === undefined ? '(no budget: context)' : `(budget ${sign} ${ratioText(budget)}${unit})`;
  const within = figure.pass ?? (budget === undefined || Number.isNaN(ratio) ? undefined : direction === 'max' ? ratio <= budget : ratio >= budget);
  const mark = within === undefined ? '' : within ? '  PASS' : '  OVER';
  const versus = referenceName ? `vs ${referenceName} ${reference}` : `vs reference ${reference}`;
  return `${name}: ${ratioText(ratio)}${unit} ${budgetText} — ours ${ours} ${versus}${note ? ` (${note})` : ''}${mark}`;
}
