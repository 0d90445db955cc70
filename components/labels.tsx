/** Type icons (inline SVG: no emoji font needed) and labels shared by the card and the popup. */
import type { EntityType } from '../lib/types';
import { t } from './i18n';

const PATHS: Record<EntityType, string> = {
  person: 'M8 8a3 3 0 1 0 0-6 3 3 0 0 0 0 6Zm-5 6.5C3 11.5 5.2 10 8 10s5 1.5 5 4.5V15H3v-.5Z',
  place: 'M8 1a5 5 0 0 0-5 5c0 3.6 5 9 5 9s5-5.4 5-9a5 5 0 0 0-5-5Zm0 7a2 2 0 1 1 0-4 2 2 0 0 1 0 4Z',
  organization: 'M8 1 1 4.5V6h14V4.5L8 1ZM2.5 7v5.5h2V7h-2Zm4.5 0v5.5h2V7H7Zm4.5 0v5.5h2V7h-2ZM1 13.5V15h14v-1.5H1Z',
};
export const TYPE_COLOR: Record<EntityType, string> = { person: '#3b82f6', place: '#16a34a', organization: '#d97706' };

export function TypeIcon({ type }: { type: EntityType }) {
  return (
    <svg class="icon" width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false" style={{ flex: 'none', verticalAlign: '-2px' }}>
      <path d={PATHS[type]} fill={TYPE_COLOR[type]} />
    </svg>
  );
}

export const typeLabel = (type: EntityType) => t(type === 'person' ? 'typePerson' : type === 'place' ? 'typePlace' : 'typeOrganization');
export const mentionsLabel = (n: number) => (n === 1 ? t('mentionedOnce') : t('mentionedTimes', n));
