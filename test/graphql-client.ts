export interface GraphqlResponse<T> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string } & Record<string, unknown> }>;
}

/** Drives the real HTTP endpoint, as a client would. */
export async function gql<T = Record<string, any>>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphqlResponse<T>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphqlResponse<T>, 'status'>;
  return { status: response.status, ...body };
}

/**
 * How long `{ health { status } }` takes to answer, in ms: a liveness probe, not a benchmark (its bound
 * only catches an event loop blocked by work that should run elsewhere, such as model training).
 */
export async function healthLatency(baseUrl: string, headers: Record<string, string> = {}): Promise<number> {
  const started = performance.now();
  expect((await gql(baseUrl, '{ health { status } }', {}, headers)).errors).toBeUndefined();
  return performance.now() - started;
}
