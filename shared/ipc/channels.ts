/**
 * The channel names alone, without schemas: the sandboxed preload imports this file
 * and nothing else from shared/ (a sandboxed preload cannot load zod).
 * contract.ts checks at compile time that it declares exactly these channels.
 */
export const CHANNELS = [
  'app:info',
  'setup:get',
  'setup:complete',
  'framework:choose',
  'framework:active',
  'settings:get',
  'settings:set',
  'audit:list',
] as const;

export type Channel = (typeof CHANNELS)[number];

/** Main → renderer notifications (menu clicks). */
export const EVENTS = ['menu:navigate'] as const;
export type EventName = (typeof EVENTS)[number];
