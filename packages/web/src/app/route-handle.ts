import type { MessageKey } from '../lib/i18n';

/** Route handle: the breadcrumb label of the route. */
export interface RouteHandle {
  crumb: MessageKey;
}

export function isRouteHandle(handle: unknown): handle is RouteHandle {
  return typeof handle === 'object' && handle !== null && typeof (handle as RouteHandle).crumb === 'string';
}
