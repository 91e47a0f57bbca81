/**
 * Public posts, as the author's-source feature reads them: REST resources by path (an issue, a
 * comment, a review) readable with or without a token, and discussions over GraphQL, which GitHub
 * answers only with a token.
 */
import { json, PRIVATE_CACHING, type StandInAnswer } from './answers';

export interface Posts {
  /** REST resources by path (`/repos/mosn/mosn/issues/comments/1`). */
  resources: Map<string, Record<string, unknown>>;
  /** GraphQL answers by `owner/name#number`. */
  discussions: Map<string, Record<string, unknown>>;
}

export function noPosts(): Posts {
  return { resources: new Map(), discussions: new Map() };
}

/** The post at `path`, or undefined when none is held there. */
export function answerPost(posts: Posts, path: string): StandInAnswer | undefined {
  const resource = posts.resources.get(path);
  return resource && json(200, resource, PRIVATE_CACHING);
}

export function answerGraphql(posts: Posts, body: string): StandInAnswer {
  const { query, variables } = JSON.parse(body) as { query: string; variables: { owner: string; name: string; number: number } };
  if (!/discussion\(number: \$number\)/.test(query)) return json(200, { errors: [{ message: 'The stand-in answers only the discussion query' }] });
  const answer = posts.discussions.get(`${variables.owner}/${variables.name}#${variables.number}`);
  if (answer) return json(200, answer);
  return json(200, {
    data: { repository: { discussion: null } },
    errors: [
      {
        type: 'NOT_FOUND',
        path: ['repository', 'discussion'],
        locations: [{ line: 3, column: 5 }],
        message: `Could not resolve to a Discussion with the number of ${variables.number}.`,
      },
    ],
  });
}
