"use client";

import { createAuthClient } from "better-auth/react";

/** The browser side of better-auth; it talks to /api/auth on the same origin. */
export const authClient = createAuthClient();
