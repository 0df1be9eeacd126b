/** Dates the Finnish way (14.3.1981) whatever the UI language: users and documents use it. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '–';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${d}.${m}.${y}`;
}
