export interface PageRequest {
  pageSize: number;
  /** Items to skip: the request's `$skiptoken`, 0 for the first page. */
  skip: number;
  /** The nextLink URL that serves the page starting at `skip`. */
  nextLink: (skip: number) => string;
  /** The 'nextLinkLoop' fault: the page links to itself, forever. */
  loop: boolean;
  /** The 'foreignNextLink' fault: even a list that fits on one page names a next one. */
  forceNextLink?: boolean;
}

export interface ListBody {
  value: readonly unknown[];
  nextLink?: string;
}

/** One page of a list response, as ARM pages it: `value`, and a `nextLink` while items remain. */
export function listPage(items: readonly unknown[], paged: boolean, request: PageRequest): ListBody {
  if (!paged) return request.loop ? { value: items, nextLink: request.nextLink(request.skip) } : { value: items };
  if (request.forceNextLink) return { value: items.slice(request.skip, request.skip + request.pageSize), nextLink: request.nextLink(request.skip + request.pageSize) };
  const end = request.skip + request.pageSize;
  const value = items.slice(request.skip, end);
  if (request.loop) return { value, nextLink: request.nextLink(request.skip) };
  return end < items.length ? { value, nextLink: request.nextLink(end) } : { value };
}
