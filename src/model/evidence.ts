/** Where a forwarding rule sits in its resource's ARM JSON, and what it says: a finding's evidence. */
export interface ConfigLocation {
  readonly resourceId: string;
  readonly path: string;
  readonly value: unknown;
}

/** A property that made a rule fail: where it is and what it held. */
export interface Evidence {
  readonly resourceId: string;
  /** Property path in the ARM JSON of that resource: `properties.securityRules[2].properties.access`. */
  readonly path: string;
  /** The value as read; absent when the property was not set. */
  readonly value?: unknown;
  /** Set when the property was absent: the value was taken to be Azure's default. */
  readonly absent?: true;
  readonly note?: string;
}

