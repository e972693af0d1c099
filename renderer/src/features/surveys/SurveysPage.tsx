import { Tabs } from '../../ui/Tabs';
import { PageHeader } from '../../ui/Page';
import { QuestionnairesTab } from './QuestionnairesTab';
import { WavesTab } from './WavesTab';
import { ResponsesTab } from './ResponsesTab';
import { ImportTab } from './ImportTab';
import { AnalysisTab } from './AnalysisTab';
import { FreeTextTab } from './FreeTextTab';
import { useSurveysParams } from './params';
import './surveys.css';

const tabIds = ['questionnaires', 'waves', 'responses', 'import', 'analysis', 'free-text'] as const;
type SurveysTab = (typeof tabIds)[number];

/** Stage 10 of a pilot: questionnaires, waves, responses and what changed between waves. */
export function SurveysPage() {
  const { params, set } = useSurveysParams();
  const wanted = params.get('tab');
  const selected: SurveysTab = tabIds.find((id) => id === wanted) ?? 'questionnaires';
  return (
    <>
      <PageHeader
        title="Surveys"
        description="Questionnaires before and after the scheme (and a follow-up if you like), the answers people gave, and what changed: item by item, for students and staff, with small groups kept from view."
      />
      <Tabs
        label="Surveys"
        selected={selected}
        onSelect={(tab) => set({ tab })}
        tabs={[
          { id: 'questionnaires', label: 'Questionnaires', panel: <QuestionnairesTab /> },
          { id: 'waves', label: 'Waves', panel: <WavesTab /> },
          { id: 'responses', label: 'Responses', panel: <ResponsesTab /> },
          { id: 'import', label: 'Import from a form', panel: <ImportTab /> },
          { id: 'analysis', label: 'Analysis', panel: <AnalysisTab /> },
          { id: 'free-text', label: 'Free text', panel: <FreeTextTab /> },
        ]}
      />
    </>
  );
}
