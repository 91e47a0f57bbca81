import { beforeAll, describe, expect, it } from 'vitest';
import { KNOWN_LOSSES } from '../../../scripts/lib/known-losses';
import { BASE_URL, roundTrip, type Score, score, specExamples } from '../../../scripts/lib/roundtrip';
import { htmlToMarkdown } from '../../../utils/markdown';
import { githubMarkdown } from '../../../utils/github/rendered-markdown';

const convert = (html: string) => htmlToMarkdown(html, { baseUrl: BASE_URL, dialect: githubMarkdown });

describe("round trip through GitHub's parser (CommonMark spec examples)", () => {
  const examples = specExamples();
  let result: Score;
  let failed: number[];

  beforeAll(() => {
    result = score(examples, convert);
    failed = result.failed.map((example) => example.number);
  });

  it('reproduces at least 97% of the examples exactly', () => {
    expect(result.rate).toBeGreaterThanOrEqual(0.97);
  });

  it('fails only on the examples listed as known losses', () => {
    const unexpected = failed.filter((number) => !(number in KNOWN_LOSSES));
    const details = unexpected.map((number) => {
      const trip = roundTrip(examples.find((example) => example.number === number)?.markdown ?? '', convert);
      return { number, markdown: trip.markdown, html: trip.html, back: trip.back };
    });
    expect(details).toEqual([]);
  });

  it('lists no known loss that round-trips now (remove it from KNOWN_LOSSES)', () => {
    const recovered = Object.keys(KNOWN_LOSSES)
      .map(Number)
      .filter((number) => !failed.includes(number));
    expect(recovered).toEqual([]);
  });
});
