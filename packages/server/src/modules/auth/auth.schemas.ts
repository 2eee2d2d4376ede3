import { allRoles, type Role } from '@renkou/core';
import { z } from 'zod';

export const roleSchema = z.enum(allRoles as [Role, ...Role[]]);

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  scope: z.string(),
  scopeName: z.string().nullable(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});

export const sessionSchema = z.object({
  user: userSchema,
  permissions: z.array(z.string()),
  mustChangePassword: z.boolean(),
  expiresAt: z.string(),
});

export const loginBody = z.strictObject({
  username: z.string().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(1024),
});

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(1).max(1024),
});

const scopeSchema = z
  .string()
  .regex(/^(|\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/, '管辖范围须为区划代码（2、4、6、9 或 12 位）');

export const createUserBody = z.strictObject({
  username: z.string().min(3).max(32),
  displayName: z.string().min(1).max(64),
  role: roleSchema,
  scope: scopeSchema,
  password: z.string().min(1).max(1024).optional(),
});

export const updateUserBody = z.strictObject({
  displayName: z.string().min(1).max(64).optional(),
  role: roleSchema.optional(),
  scope: scopeSchema.optional(),
  disabled: z.boolean().optional(),
  unlock: z.boolean().optional(),
});
