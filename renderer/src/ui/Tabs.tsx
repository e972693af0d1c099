import type { ReactNode } from 'react';
import { Tab, TabList, TabPanel, Tabs as AriaTabs, type Key } from 'react-aria-components';

export interface TabItem<Id extends string> {
  id: Id;
  label: ReactNode;
  panel: ReactNode;
}

/**
 * A tab set (React Aria: arrow keys move between tabs, Tab moves into the panel). The caller keeps
 * the selected tab, usually in the address, so going back lands on the same tab; only the
 * selected panel is rendered.
 */
export function Tabs<Id extends string>({ label, tabs, selected, onSelect }: { label: string; tabs: readonly TabItem<Id>[]; selected: Id; onSelect: (id: Id) => void }) {
  return (
    <AriaTabs selectedKey={selected} onSelectionChange={(key: Key) => onSelect(String(key) as Id)} className="tabs">
      <TabList aria-label={label} className="tab-list">
        {tabs.map((tab) => (
          <Tab key={tab.id} id={tab.id} className="tab">
            {tab.label}
          </Tab>
        ))}
      </TabList>
      {tabs.map((tab) => (
        <TabPanel key={tab.id} id={tab.id} className="tab-panel">
          {tab.panel}
        </TabPanel>
      ))}
    </AriaTabs>
  );
}
