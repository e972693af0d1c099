import { Fragment, useEffect, useState } from 'react';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { milestoneDraft, type milestoneConfirmations, type Milestone, type MilestoneStatus } from '../../../../shared/plan/contract';
import { ConfirmWarnings, useConfirmations } from '../../ui/confirmations';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { TextInput } from '../../ui/Field';
import { EmptyState } from '../../ui/Page';
import { useNotices } from '../../ui/Notices';
import { Section, headingId } from './Section';
import { InlineForm } from '../../ui/FormActions';
import { useFocusLater } from '../../ui/focus';
import { useSavingForm } from '../../ui/useSavingForm';
import { useReportUnsaved } from '../../ui/unsaved-changes';
import { useConfirmDelete } from '../../ui/useEditAndDelete';
import { useToday } from '../../ui/today';
import { daysBetween, formatDate } from '../../../../shared/dates';
import { errorText } from '../../ui/errors';
import { plural } from '../../../../shared/words';
import { useAddMilestone, useAddStandardTimeline, useDeleteMilestone, useUpdateMilestone } from './api';
import { FormDateInput } from '../../ui/DateInput';

const SECTION = 'timeline';
/** Marking done, or undoing a delete, keeps a due date the coordinator already saved (and confirmed if it was outside the pilot). */
const dueDateAlreadyAccepted: MilestoneConfirmed = ['outside-pilot'];

const statusLabels: Record<MilestoneStatus, string> = { done: 'Done', late: 'Late', 'due-soon': 'Due soon', upcoming: 'Upcoming' };
const statusIcons: Record<MilestoneStatus, string> = { done: '✓', late: '!', 'due-soon': '◷', upcoming: '○' };

/** "5 late, 1 due soon, 2 of 12 done. Next: First meetings on 28 Nov 2026." */
function timelineSummary(milestones: Milestone[], today: string): string {
  const count = (status: MilestoneStatus) => milestones.filter((m) => m.status === status).length;
  const late = count('late');
  const dueSoon = count('due-soon');
  const done = count('done');
  const parts = [late > 0 ? `${late} late` : 'Nothing late'];
  if (dueSoon > 0) parts.push(`${dueSoon} due soon`);
  parts.push(`${done} of ${milestones.length} done`);
  const next = milestones.find((m) => !m.doneOn && m.dueOn >= today);
  const tail = next ? ` Next: ${next.title} on ${formatDate(next.dueOn)}.` : done === milestones.length ? ' Every milestone is done.' : ' Nothing else is scheduled.';
  return `${parts.join(', ')}.${tail}`;
}

function relativeNote(m: Milestone, today: string): string | undefined {
  if (m.doneOn) return `on ${formatDate(m.doneOn)}`;
  const days = daysBetween(today, m.dueOn);
  if (days < 0) return `${plural(-days, 'day')} overdue`;
  if (days === 0) return 'due today';
  if (days === 1) return 'due tomorrow';
  return m.status === 'due-soon' ? `in ${days} days` : undefined;
}

function MilestoneStatusBadge({ milestone, today }: { milestone: Milestone; today: string }) {
  const note = relativeNote(milestone, today);
  return (
    <span className={`milestone-status status-${milestone.status}`}>
      <span aria-hidden="true" className="status-icon">
        {statusIcons[milestone.status]}
      </span>{' '}
      {statusLabels[milestone.status]}
      {note ? <span className="status-note">, {note}</span> : null}
    </span>
  );
}

const milestoneFormSchema = milestoneDraft.pick({ title: true, dueOn: true });
type MilestoneFormValues = z.input<typeof milestoneFormSchema>;
type MilestoneConfirmed = z.infer<typeof milestoneConfirmations>;

function MilestoneForm({ heading, initial, submitLabel, onSubmit, onCancel }: { heading: string; initial: MilestoneFormValues; submitLabel: string; onSubmit: (values: MilestoneFormValues, confirmed: MilestoneConfirmed) => Promise<unknown>; onCancel: () => void }) {
  // A date outside the pilot's dates asks first (CONFIRMATION_NEEDED); the next submit confirms it.
  const confirmations = useConfirmations();
  const { register, control, setFocus, formState, submit, formError, watch } = useSavingForm<MilestoneFormValues>(
    { defaultValues: initial, resolver: zodResolver(milestoneFormSchema), mode: 'onTouched' },
    { 'milestone.title': 'title', 'milestone.dueOn': 'dueOn' },
    (values) => confirmations.save((confirmed) => onSubmit(values, confirmed as MilestoneConfirmed)),
  );
  const { errors } = formState;
  useReportUnsaved('Timeline', formState.isDirty);
  useEffect(() => setFocus('title'), [setFocus]);
  const { clear } = confirmations;
  // A warning is confirmed for the values it was about: any change asks again.
  useEffect(() => {
    const subscription = watch(() => clear());
    return () => subscription.unsubscribe();
  }, [watch, clear]);
  const label = confirmations.asking ? `${submitLabel} anyway` : submitLabel;
  return (
    <InlineForm heading={heading} onSubmit={submit} formError={formError} submitLabel={label} busy={formState.isSubmitting} onCancel={onCancel}>
      <div className="field-row">
        <TextInput label="Milestone" required autoComplete="off" error={errors.title?.message} {...register('title')} />
        <FormDateInput control={control} name="dueOn" label="Due date" required error={errors.dueOn?.message} />
      </div>
      <ConfirmWarnings warnings={confirmations.warnings} action={`${submitLabel} anyway`} />
    </InlineForm>
  );
}

export function TimelineSection({ pilotId, milestones }: { pilotId: number; milestones: Milestone[] }) {
  const today = useToday();
  const { notify } = useNotices();
  const focusLater = useFocusLater();
  const [adding, setAdding] = useState(false);
  const [editingId, setEditingId] = useState<number>();
  const create = useAddMilestone();
  const update = useUpdateMilestone();
  const remove = useDeleteMilestone();
  const { deleting, setDeleting, confirmDelete } = useConfirmDelete(remove, (m: Milestone) => `“${m.title}” deleted.`, {
    // After the dialog has closed (it would otherwise return focus to the deleted row's button).
    focusAfter: headingId(SECTION),
    undo: (m) => create.mutateAsync({ pilotId, milestone: { title: m.title, dueOn: m.dueOn, doneOn: m.doneOn }, confirmed: dueDateAlreadyAccepted }),
  });
  const applyTemplate = useAddStandardTimeline();

  const addStandardTimeline = async () => {
    try {
      const all = await applyTemplate.mutateAsync({ pilotId });
      notify(`Added the standard timeline: ${plural(all.length, 'milestone')}, between the pilot’s start and end dates.`);
      focusLater('timeline-summary');
    } catch (error) {
      notify(errorText(error), { tone: 'error' });
    }
  };

  // The toggle is never disabled while saving: a disabled button would drop keyboard focus.
  const toggleDone = async (m: Milestone) => {
    if (update.isPending) return;
    try {
      await update.mutateAsync({ id: m.id, milestone: { title: m.title, dueOn: m.dueOn, doneOn: m.doneOn ? null : today }, confirmed: dueDateAlreadyAccepted });
      notify(m.doneOn ? `“${m.title}” is no longer marked done.` : `“${m.title}” marked done.`);
    } catch (error) {
      notify(errorText(error), { tone: 'error' });
    }
  };

  const todayIndex = milestones.findIndex((m) => m.dueOn >= today);
  const markerAt = todayIndex === -1 ? milestones.length : todayIndex;
  const todayMarker = (
    <li className="timeline-today" id="timeline-today">
      <span className="timeline-today-label">Today, {formatDate(today)}</span>
    </li>
  );

  return (
    <Section
      id={SECTION}
      title="Timeline"
      intro="The milestones of the pilot in date order. Mark each one done as it happens; anything overdue shows as late."
      actions={
        milestones.length > 0 && !adding ? (
          <Button id="add-milestone" onPress={() => setAdding(true)}>
            Add a milestone
          </Button>
        ) : null
      }
    >
      {milestones.length === 0 && !adding ? (
        <EmptyState
          title="No milestones yet"
          action={
            <div className="empty-actions">
              <Button variant="primary" onPress={() => void addStandardTimeline()} busy={applyTemplate.isPending}>
                Add the standard timeline
              </Button>
              <Button onPress={() => setAdding(true)}>Add a milestone</Button>
            </div>
          }
        >
          Start from the usual timeline, from the call for interest to the group reflection. It follows the academic year (October to July) when that fits between the pilot’s start and end dates,
          and is otherwise spread over them in the same proportions; nothing falls after the end date. Then adjust, add or delete milestones.
        </EmptyState>
      ) : null}
      {milestones.length > 0 ? (
        <>
          <p className="timeline-summary" id="timeline-summary" tabIndex={-1}>
            <strong>Where the pilot stands:</strong> {timelineSummary(milestones, today)}
          </p>
          <ol className="timeline" aria-label="Milestones in date order">
            {milestones.map((m, index) => (
              <Fragment key={m.id}>
                {index === markerAt ? todayMarker : null}
                {editingId === m.id ? (
                  <li className="milestone milestone-editing">
                    <MilestoneForm
                      heading={`Edit “${m.title}”`}
                      initial={{ title: m.title, dueOn: m.dueOn }}
                      submitLabel="Save milestone"
                      onCancel={() => {
                        setEditingId(undefined);
                        focusLater(`milestone-${m.id}-edit`);
                      }}
                      onSubmit={async (values, confirmed) => {
                        await update.mutateAsync({ id: m.id, milestone: { ...values, doneOn: m.doneOn }, confirmed });
                        setEditingId(undefined);
                        focusLater(`milestone-${m.id}-edit`);
                        notify('Milestone saved.');
                      }}
                    />
                  </li>
                ) : (
                  <li className={`milestone milestone-${m.status}`}>
                    <span className="milestone-dot" aria-hidden="true" />
                    <time className="milestone-date" dateTime={m.dueOn}>
                      {formatDate(m.dueOn)}
                    </time>
                    <span className="milestone-title">{m.title}</span>
                    <MilestoneStatusBadge milestone={m} today={today} />
                    <span className="milestone-actions">
                      <Button variant="quiet" id={`milestone-${m.id}-done`} aria-label={m.doneOn ? `Mark not done: ${m.title}` : `Mark done: ${m.title}`} onPress={() => void toggleDone(m)}>
                        {m.doneOn ? 'Mark not done' : 'Mark done'}
                      </Button>
                      <Button variant="quiet" id={`milestone-${m.id}-edit`} aria-label={`Edit ${m.title}`} onPress={() => setEditingId(m.id)}>
                        Edit
                      </Button>
                      <Button variant="quiet" aria-label={`Delete ${m.title}`} onPress={() => setDeleting(m)}>
                        Delete
                      </Button>
                    </span>
                  </li>
                )}
              </Fragment>
            ))}
            {markerAt === milestones.length ? todayMarker : null}
          </ol>
        </>
      ) : null}
      {adding ? (
        <div className="panel">
          <MilestoneForm
            heading="New milestone"
            initial={{ title: '', dueOn: today }}
            submitLabel="Add milestone"
            onCancel={() => {
              setAdding(false);
              focusLater('add-milestone', headingId(SECTION));
            }}
            onSubmit={async (values, confirmed) => {
              const created = await create.mutateAsync({ pilotId, milestone: { ...values, doneOn: null }, confirmed });
              setAdding(false);
              focusLater(`milestone-${created.id}-edit`);
              notify(`“${created.title}” added to the timeline.`);
            }}
          />
        </div>
      ) : null}
      <ConfirmDialog
        isOpen={deleting !== undefined}
        title={`Delete the milestone “${deleting?.title ?? ''}”?`}
        confirmLabel="Delete milestone"
        isPending={remove.isPending}
        onConfirm={() => void confirmDelete()}
        onCancel={() => setDeleting(undefined)}
      >
        <p>It disappears from the timeline. You can undo this for a few seconds afterwards.</p>
      </ConfirmDialog>
    </Section>
  );
}
