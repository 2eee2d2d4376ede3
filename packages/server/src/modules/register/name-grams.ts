// The rows of person_name_grams for a name, as migration 0010's person_name_grams(name) makes them:
// each distinct character and pair of adjacent characters, and the first ones marked with '^'.
// A second implementation on purpose: `renkou register verify` checks the table against it.
export function nameGrams(name: string): string[] {
  const characters = Array.from(name);
  const grams = new Set<string>(characters);
  for (let i = 0; i + 1 < characters.length; i++) grams.add(`${characters[i]}${characters[i + 1]}`);
  if (characters.length >= 1) grams.add(`^${characters[0]}`);
  if (characters.length >= 2) grams.add(`^${characters[0]}${characters[1]}`);
  return [...grams].sort();
}
