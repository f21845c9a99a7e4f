// Event deliveries (weft.dev/v1alpha1 EventDelivery): the record the server keeps of every event it
// accepted, and redelivering one. Shapes as the shared contract for issue 13 writes them.
import { enc, get, post } from './client';
import type { ListResult, ObjectMeta } from './types';

/** One binding's verdict in a delivery's last dispatch. */
export interface BindingResult {
  name: string;
  result: 'Submitted' | 'NotMatched' | 'MatchedWithoutSubmit' | 'Failed' | string;
  /** Why: the selector for NotMatched, Argo's error for Failed. */
  message?: string;
  /** The workflow it started, for Submitted. */
  workflow?: string;
}

export interface EventDelivery {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  spec?: {
    discriminator?: string;
    /** The verified webhook client; absent when the bearer token was used. */
    client?: string;
    dedupKey?: string;
    receivedAt?: string;
    /** The JSON body exactly as received: whatever the sender chose, so never trusted. */
    payload?: unknown;
    /** What selectors see as `metadata`: lowercased x- headers, each a list. */
    metadata?: Record<string, unknown>;
  };
  status?: {
    phase?: string;
    attempts?: number;
    dispatchedAt?: string;
    bindings?: BindingResult[];
    workflows?: string[];
  };
}

/** What the events endpoint and a redelivery answer: a superset of Argo's `{}`. */
export interface EventAnswer {
  delivery?: string;
  workflows?: string[];
}

const base = (ns: string) => `/api/v1/event-deliveries/${enc(ns)}`;

export const events = {
  list: (ns: string) => get<ListResult<EventDelivery>>(base(ns)),
  get: (ns: string, name: string) => get<EventDelivery>(`${base(ns)}/${enc(name)}`),
  redeliver: (ns: string, name: string) => post<EventAnswer>(`${base(ns)}/${enc(name)}/redeliver`, {}),
};

/** The label a workflow started by an event carries, naming its delivery. */
export const DELIVERY_LABEL = 'events.weft.dev/delivery';
/** Argo's label naming the binding that submitted a workflow. */
export const BINDING_LABEL = 'workflows.argoproj.io/workflow-event-binding';
