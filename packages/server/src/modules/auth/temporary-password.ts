import { randomInt } from 'node:crypto';

// No look-alike characters (0/O, 1/l/I): temporary passwords are read aloud or copied by hand.
const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '#%+=@'];

/** A random 16-character password with every character class, satisfying any configured policy. */
export function temporaryPassword(length = 16): string {
  const chars = sets.map((set) => set[randomInt(set.length)] ?? '');
  const all = sets.join('');
  while (chars.length < length) chars.push(all[randomInt(all.length)] ?? '');
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
  }
  return chars.join('');
}
