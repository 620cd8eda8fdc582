import { apiKeyStore } from './api-key-store';

/** A failed call, with the server's error code (UNAUTHENTICATED, NOT_FOUND…) and domain reason (NO_FORECAST_MODEL…). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Listener = () => void;
const unauthenticatedListeners = new Set<Listener>();

/** The app signs out when any call answers UNAUTHENTICATED (revoked or mistyped key). */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

function authHeaders(key = apiKeyStore.get()): Record<string, string> {
  return key ? { Authorization: `Bearer ${key}` } : {};
}

function fail(error: ApiError): never {
  if (error.code === 'UNAUTHENTICATED') unauthenticatedListeners.forEach((listener) => listener());
  throw error;
}

interface GraphqlBody<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string; reason?: string } }>;
}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}, key?: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...authHeaders(key ?? apiKeyStore.get()) },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError('The server cannot be reached. Check your connection and try again.', 'NETWORK');
  }
  let body: GraphqlBody<T>;
  try {
    body = (await response.json()) as GraphqlBody<T>;
  } catch {
    return fail(new ApiError(`The server answered ${response.status} ${response.statusText}.`, response.status === 401 ? 'UNAUTHENTICATED' : 'HTTP_ERROR'));
  }
  const first = body.errors?.[0];
  if (first) return fail(new ApiError(first.message, first.extensions?.code ?? 'INTERNAL_SERVER_ERROR', first.extensions?.reason));
  if (!body.data) return fail(new ApiError(`The server answered ${response.status} without data.`, 'HTTP_ERROR'));
  return body.data;
}

async function restError(response: Response): Promise<ApiError> {
  const code = response.status === 401 ? 'UNAUTHENTICATED' : response.status === 403 ? 'FORBIDDEN' : response.status === 404 ? 'NOT_FOUND' : 'HTTP_ERROR';
  let message = `${response.status} ${response.statusText}`;
  try {
    const body = (await response.json()) as { message?: string | string[] };
    if (body.message) message = Array.isArray(body.message) ? body.message.join('; ') : body.message;
  } catch {
    // not JSON: keep the status line
  }
  return new ApiError(message, code);
}

/** Downloads need the Authorization header, so they are fetched as a blob and saved through a temporary link. */
export async function downloadFile(path: string, fallbackName: string): Promise<Blob> {
  const response = await fetch(path, { headers: authHeaders() });
  if (!response.ok) return fail(await restError(response));
  const blob = await response.blob();
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return blob;
}

export async function uploadFile(form: FormData): Promise<{ runId: string; status: string }> {
  let response: Response;
  try {
    response = await fetch('/ingest', { method: 'POST', headers: authHeaders(), body: form });
  } catch {
    throw new ApiError('The upload could not reach the server.', 'NETWORK');
  }
  if (!response.ok) return fail(await restError(response));
  return (await response.json()) as { runId: string; status: string };
}
