import { ErrorMessage, Loading, PageHeader } from '../../ui/Page';
import { useSearchParams } from 'react-router';
import { Tabs } from '../../ui/Tabs';
import { useUnsavedForms } from '../../ui/unsaved-changes';
import { ConsentFormsSection } from './ConsentFormsSection';
import { EligibilitySection } from './EligibilitySection';
import { GovernanceSection } from './GovernanceSection';
import { MeetingPlanSection } from './MeetingPlanSection';
import { SupportSection } from './SupportSection';
import { SafeguardingSection } from './SafeguardingSection';
import { ThemesSection } from './ThemesSection';
import { TimelineSection } from './TimelineSection';
import { formatDate } from '../../../../shared/dates';
import { usePilotId } from '../../app/usePilotId';
import { usePilot, usePlan } from './api';

const sections = [
  { id: 'timeline', label: 'Timeline' },
  { id: 'themes', label: 'Themes' },
  { id: 'eligibility', label: 'Eligibility' },
  { id: 'meeting-plan', label: 'Meeting plan' },
  { id: 'support', label: 'Support protocol' },
  { id: 'safeguarding', label: 'Safeguarding' },
  { id: 'consent-forms', label: 'Consent forms' },
  { id: 'governance', label: 'Ethics and retention' },
] as const;
type SectionId = (typeof sections)[number]['id'];
const isSection = (id: string | null): id is SectionId => sections.some((s) => s.id === id);

/** A tab's name, marked while its form has changes not saved yet (the forms report under the same names). */
function SectionLabel({ label, unsaved }: { label: string; unsaved: boolean }) {
  return (
    <>
      {label}
      {unsaved ? (
        <span className="plan-unsaved" title="Not saved yet">
          <span aria-hidden="true"> •</span>
          <span className="visually-hidden"> (not saved yet)</span>
        </span>
      ) : null}
    </>
  );
}

/**
 * Stage 1 of a pilot: its scheme plan, one tab per part, each with its own Save, so one part can
 * be finished at a time. The tab is kept in the address; leaving a part with unsaved changes asks first.
 */
export function PlanPage() {
  const pilotId = usePilotId();
  const pilot = usePilot(pilotId);
  const plan = usePlan(pilotId);
  const [params, setParams] = useSearchParams();
  const asked = params.get('section');
  const selected: SectionId = isSection(asked) ? asked : 'timeline';
  const unsaved = useUnsavedForms();

  const panel = (id: SectionId) => {
    if (!plan.data) return null;
    switch (id) {
      case 'timeline':
        return <TimelineSection pilotId={pilotId} milestones={plan.data.milestones} />;
      case 'themes':
        return <ThemesSection pilotId={pilotId} themes={plan.data.themes} />;
      case 'eligibility':
        return <EligibilitySection pilotId={pilotId} categories={plan.data.eligibility} />;
      case 'meeting-plan':
        return <MeetingPlanSection pilotId={pilotId} meetingPlan={plan.data.meetingPlan} />;
      case 'support':
        return <SupportSection pilotId={pilotId} support={plan.data.support} />;
      case 'safeguarding':
        return <SafeguardingSection pilotId={pilotId} safeguarding={plan.data.safeguarding} />;
      case 'consent-forms':
        return <ConsentFormsSection pilotId={pilotId} forms={plan.data.consentForms} />;
      case 'governance':
        return <GovernanceSection pilotId={pilotId} governance={plan.data.governance} />;
    }
  };

  return (
    <>
      <PageHeader
        title="Plan and timeline"
        description={
          pilot.data
            ? `${pilot.data.name}, ${formatDate(pilot.data.startDate)} to ${formatDate(pilot.data.endDate)}. Everything the scheme is built on: when things happen, what pairs talk about, who takes part and how they are looked after.`
            : undefined
        }
      />
      {plan.isPending ? <Loading label="Loading the plan…" /> : null}
      <ErrorMessage error={plan.error} />
      {plan.data ? (
        <div className="plan-tabs" key={pilotId}>
          <Tabs
            label="Parts of the plan"
            selected={selected}
            onSelect={(id) => setParams(id === 'timeline' ? {} : { section: id })}
            tabs={sections.map((section) => ({ id: section.id, label: <SectionLabel label={section.label} unsaved={unsaved.includes(section.label)} />, panel: panel(section.id) }))}
          />
        </div>
      ) : null}
    </>
  );
}
