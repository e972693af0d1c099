export const pairingTabs = [
  { id: 'propose', label: 'Propose pairs' },
  { id: 'settings', label: 'Settings' },
  { id: 'constraints', label: 'Conflicts, preferences, capacities' },
  { id: 'confirmed', label: 'Confirmed pairs' },
] as const;
export type PairingTab = (typeof pairingTabs)[number]['id'];
