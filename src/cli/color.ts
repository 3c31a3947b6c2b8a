/**
 * Whether to colour what goes to stdout, by the variables and flags picocolors and vitest
 * honour: `--color` / `--no-color` win; then `FORCE_COLOR` (`0` or `false` turn colour off, any
 * other value on; it overrides `NO_COLOR`, as in Node's `tty.getColorDepth`); then `NO_COLOR`
 * (any non-empty value, https://no-color.org); else colour when stdout is a terminal that is
 * not `TERM=dumb`.
 */
export function useColor(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (flag !== undefined) return flag;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  return isTTY && env['TERM'] !== 'dumb';
}
