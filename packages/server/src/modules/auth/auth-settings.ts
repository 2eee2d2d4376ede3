import { defaultPasswordPolicy, type PasswordPolicy } from '@renkou/core';

/** Figures from spec/security.md; all configurable. */
export interface AuthSettings {
  idleMinutes: number;
  adminIdleMinutes: number;
  absoluteHours: number;
  lockThreshold: number;
  lockWindowMinutes: number;
  lockMinutes: number;
  loginsPerIpPerMinute: number;
  passwordPolicy: PasswordPolicy;
}

export const defaultAuthSettings: AuthSettings = {
  idleMinutes: 30,
  adminIdleMinutes: 15,
  absoluteHours: 12,
  lockThreshold: 5,
  lockWindowMinutes: 15,
  lockMinutes: 30,
  loginsPerIpPerMinute: 30,
  passwordPolicy: defaultPasswordPolicy,
};
