import { z } from 'zod';

export const email = z.string().trim().toLowerCase().max(254).pipe(z.email());
export const newPassword = z.string().min(10, 'at least 10 characters').max(256);

export const signupSchema = z.object({
  email,
  password: newPassword,
  displayName: z.string().trim().min(1).max(100),
});
export const loginSchema = z.object({ email, password: z.string().min(1).max(256) });
export const resetRequestSchema = z.object({ email });
export const resetSchema = z.object({ token: z.string().min(20).max(100), password: newPassword });
