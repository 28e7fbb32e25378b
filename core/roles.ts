import type { Words } from "./model/index.ts";

/**
 * Who may do what (README "Roles"). Each role may do everything the ones before it may: a viewer
 * reads a private deployment, a contributor proposes changes, an editor applies and reviews them,
 * an admin also manages accounts. Anonymous visitors read a public deployment and suggest.
 */
export const roles = ["viewer", "contributor", "editor", "admin"] as const;
export type Role = (typeof roles)[number];

export const roleNames: Record<Role, Words> = {
  viewer: { fr: "lecteur", en: "viewer" },
  contributor: { fr: "contributeur", en: "contributor" },
  editor: { fr: "éditeur", en: "editor" },
  admin: { fr: "administrateur", en: "admin" },
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (roles as readonly string[]).includes(value);
}

/** Whether `role` (undefined: an anonymous visitor) may do what `needed` may. */
export function hasRole(role: Role | undefined, needed: Role): boolean {
  return role !== undefined && roles.indexOf(role) >= roles.indexOf(needed);
}
