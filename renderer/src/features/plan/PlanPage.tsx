import { ErrorMessage, Loading, PageHeader } from '../../ui/Page';
import { focusSection, headingId } from './Section';
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

/** Stage 1 of a pilot: its scheme plan, one section per part, with the timeline first. */
export function PlanPage() {
  const pilotId = usePilotId();
  const pilot = usePilot(pilotId);
  const plan = usePlan(pilotId);

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
        <div className="plan-layout">
          <nav className="plan-toc" aria-label="Sections of the plan">
            <ul>
              {sections.map((section) => (
                <li key={section.id}>
                  {/* The app routes by the URL hash, so the link moves focus itself instead of changing it. */}
                  <a
                    href={`#${headingId(section.id)}`}
                    onClick={(event) => {
                      event.preventDefault();
                      focusSection(section.id);
                    }}
                  >
                    {section.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <div className="plan-sections" key={pilotId}>
            <TimelineSection pilotId={pilotId} milestones={plan.data.milestones} />
            <ThemesSection pilotId={pilotId} themes={plan.data.themes} />
            <EligibilitySection pilotId={pilotId} categories={plan.data.eligibility} />
            <MeetingPlanSection pilotId={pilotId} meetingPlan={plan.data.meetingPlan} />
            <SupportSection pilotId={pilotId} support={plan.data.support} />
            <SafeguardingSection pilotId={pilotId} safeguarding={plan.data.safeguarding} />
            <ConsentFormsSection pilotId={pilotId} forms={plan.data.consentForms} />
            <GovernanceSection pilotId={pilotId} governance={plan.data.governance} />
          </div>
        </div>
      ) : null}
    </>
  );
}
