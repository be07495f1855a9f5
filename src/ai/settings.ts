// ai's own setting (libai defines the rest). The installer's startup file defines it at boot
// too, through the bundle's seam, so `set` describes and checks it before ai has run.

export const PAGED_SETTING = "opencc.paged";

export function defineSettings(): void {
  settings.define(PAGED_SETTING, {
    description: "Page long replies in ai (wait for a key when a reply fills the screen)",
    type: "boolean",
    default: true,
  });
}
