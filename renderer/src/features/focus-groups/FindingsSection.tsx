import { useDeferredValue, useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import { Controller } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { findingDraft, type FindingsPage, type FocusGroup } from '../../../../shared/focus-groups/contract';
import type { Theme } from '../../../../shared/plan/contract';
import { useAddFinding, useDeleteFinding, useFindingsPage, useUpdateFinding } from './api';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { SelectInput, TextAreaInput, TextInput } from '../../ui/Field';
import { Pager } from '../../ui/Pager';
import { useListPaging } from '../../ui/useListPaging';
import { ErrorMessage } from '../../ui/Page';
import { plural } from '../../../../shared/words';
import { useNotices } from '../../ui/Notices';
import { InlineForm } from '../../ui/FormActions';
import { useFocusLater } from '../../ui/focus';
import { useSavingForm } from '../../ui/useSavingForm';
import { useConfirmDelete } from '../../ui/useEditAndDelete';
import { planPath } from '../../app/paths';

const PAGE_SIZE = 20;
type ListedFinding = FindingsPage['rows'][number];

const findingFormSchema = z.object({ text: findingDraft.shape.text, themeIds: z.array(z.number()) });
type FindingValues = z.infer<typeof findingFormSchema>;

/** The finding's text and the themes it informed, as checkboxes of the plan's themes. */
function FindingForm({
  heading,
  themes,
  pilotId,
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  autoFocus,
}: {
  heading: string;
  themes: Theme[];
  pilotId: number;
  initial: FindingValues;
  submitLabel: string;
  onSubmit: (values: FindingValues) => Promise<unknown>;
  onCancel?: () => void;
  autoFocus?: boolean;
}) {
  const uid = useId();
  const { register, control, setFocus, reset, formState, submit, formError } = useSavingForm<FindingValues>(
    { defaultValues: initial, resolver: zodResolver(findingFormSchema), mode: 'onTouched' },
    { 'finding.text': 'text', 'finding.themeIds': 'themeIds' },
    async (values) => {
      await onSubmit(values);
      reset(initial);
    },
  );
  const { errors } = formState;
  useEffect(() => {
    if (autoFocus) setFocus('text');
  }, [autoFocus, setFocus]);
  return (
    <InlineForm heading={heading} onSubmit={submit} formError={formError} submitLabel={submitLabel} busy={formState.isSubmitting} onCancel={onCancel}>
      <TextAreaInput label="Finding" required rows={3} description="One point people made, in a sentence or two." error={errors.text?.message} {...register('text')} />
      <Controller
        control={control}
        name="themeIds"
        render={({ field, fieldState }) => (
          <fieldset className="fieldset" aria-describedby={fieldState.error ? `${uid}-themes-error` : undefined}>
            <legend>Themes it informed</legend>
            {themes.length === 0 ? (
              <p className="hint">
                The plan has no themes yet. Add them under <Link to={planPath(pilotId)}>Plan and timeline</Link>, then link this finding to them.
              </p>
            ) : (
              <ul className="checkbox-list checkbox-columns">
                {themes.map((theme) => (
                  <li key={theme.id} className="checkbox-field">
                    <input
                      id={`${uid}-theme-${theme.id}`}
                      type="checkbox"
                      checked={field.value.includes(theme.id)}
                      onChange={(e) => field.onChange(e.target.checked ? [...field.value, theme.id] : field.value.filter((id) => id !== theme.id))}
                    />
                    <label htmlFor={`${uid}-theme-${theme.id}`}>{theme.title}</label>
                  </li>
                ))}
              </ul>
            )}
            {fieldState.error ? (
              <p className="field-error" id={`${uid}-themes-error`}>
                {fieldState.error.message}
              </p>
            ) : null}
          </fieldset>
        )}
      />
    </InlineForm>
  );
}

/** What people said that should shape the scheme, each linked to the themes it informed; a page at a time, by theme and words. */
export function FindingsSection({ group, themes, pilotId }: { group: FocusGroup; themes: Theme[]; pilotId: number }) {
  const { notify } = useNotices();
  const focusLater = useFocusLater();
  const [editingId, setEditingId] = useState<number>();
  const [themeFilter, setThemeFilter] = useState('all');
  const [searchText, setSearchText] = useState('');
  const search = useDeferredValue(searchText.trim());
  const { heading, offset, page } = useListPaging([group.id, themeFilter, search]);
  const themeId = themeFilter === 'all' ? undefined : themeFilter === 'none' ? ('none' as const) : Number(themeFilter);
  const findings = useFindingsPage({ focusGroupId: group.id, ...(themeId === undefined ? {} : { themeId }), search, offset, limit: PAGE_SIZE });
  const create = useAddFinding();
  const update = useUpdateFinding();
  const remove = useDeleteFinding();
  const { deleting, setDeleting, confirmDelete } = useConfirmDelete(remove, (finding: ListedFinding) => `Finding ${finding.number} deleted.`, { focusAfter: 'findings-heading' });
  const themeTitle = new Map(themes.map((t) => [t.id, t.title]));
  const data = findings.data;
  const filtered = themeFilter !== 'all' || search !== '';
  const themeWords = themeFilter === 'none' ? 'not linked to a theme' : themeId !== undefined ? `linked to “${themeTitle.get(Number(themeId)) ?? ''}”` : '';
  const nothingFound = search
    ? `No finding ${themeWords ? `${themeWords} ` : ''}mentions “${search}”.`
    : themeFilter === 'none'
      ? 'Every finding is linked to a theme.'
      : `No finding is ${themeWords}.`;

  return (
    <section className="section-card" aria-labelledby="findings-heading">
      <h2 id="findings-heading" tabIndex={-1}>
        Findings{group.findingCount > 0 ? ` (${group.findingCount})` : ''}
      </h2>
      <p className="section-intro">What people said that should shape the scheme. Tick the themes each finding informed: it then appears under those themes in the plan.</p>
      {group.findingCount === 0 ? <p className="hint">No findings recorded for this session yet.</p> : null}
      <ErrorMessage error={findings.error} />
      {group.findingCount > 0 ? (
        <div className="cp-toolbar findings-toolbar" role="search" aria-label="Find findings">
          <TextInput label="Words" type="search" autoComplete="off" placeholder="In the finding’s text" value={searchText} onChange={(e) => setSearchText(e.target.value)} />
          <SelectInput
            label="Theme"
            value={themeFilter}
            onChange={(e) => setThemeFilter(e.target.value)}
            options={[{ value: 'all', label: 'Any theme' }, { value: 'none', label: 'Not linked to a theme' }, ...themes.map((t) => ({ value: String(t.id), label: t.title }))]}
          />
        </div>
      ) : null}
      {data && group.findingCount > 0 ? (
        <h3 className="visually-hidden" tabIndex={-1} ref={heading}>
          {plural(data.total, 'finding')} shown
        </h3>
      ) : null}
      {data && group.findingCount > 0 && data.total === 0 && filtered ? (
        <p className="muted" role="status">
          {nothingFound}
        </p>
      ) : null}
      {data && data.rows.length > 0 ? (
        <ol className="finding-list" aria-label="Findings of this session">
          {data.rows.map((finding) => (
            <li key={finding.id} className="finding-card">
              {editingId === finding.id ? (
                <FindingForm
                  heading={`Edit finding ${finding.number}`}
                  themes={themes}
                  pilotId={pilotId}
                  initial={{ text: finding.text, themeIds: finding.themeIds }}
                  submitLabel="Save finding"
                  autoFocus
                  onCancel={() => {
                    setEditingId(undefined);
                    focusLater(`finding-${finding.id}-edit`);
                  }}
                  onSubmit={async (values) => {
                    await update.mutateAsync({ id: finding.id, finding: values });
                    setEditingId(undefined);
                    focusLater(`finding-${finding.id}-edit`);
                    notify(`Finding ${finding.number} saved.`);
                  }}
                />
              ) : (
                <>
                  <p className="finding-text">
                    <span className="finding-number">{finding.number}. </span>
                    {finding.text}
                  </p>
                  <div className="finding-foot">
                    {finding.themeIds.length > 0 ? (
                      <p className="finding-themes">
                        Informs:{' '}
                        <span className="tag-list">
                          {finding.themeIds.map((id) => (
                            <span key={id} className="tag">
                              {themeTitle.get(id) ?? 'a deleted theme'}
                            </span>
                          ))}
                        </span>
                      </p>
                    ) : (
                      <p className="finding-themes muted">Not linked to a theme yet.</p>
                    )}
                    <span className="finding-actions">
                      <Button variant="quiet" id={`finding-${finding.id}-edit`} aria-label={`Edit finding ${finding.number}`} onPress={() => setEditingId(finding.id)}>
                        Edit
                      </Button>
                      <Button variant="quiet" aria-label={`Delete finding ${finding.number}`} onPress={() => setDeleting(finding)}>
                        Delete
                      </Button>
                    </span>
                  </div>
                </>
              )}
            </li>
          ))}
        </ol>
      ) : null}
      {data ? <Pager total={data.total} offset={offset} pageSize={PAGE_SIZE} what="findings" onPage={page} /> : null}
      <div className="panel">
        <FindingForm
          heading="Add a finding"
          themes={themes}
          pilotId={pilotId}
          initial={{ text: '', themeIds: [] }}
          submitLabel="Add finding"
          onSubmit={async (values) => {
            await create.mutateAsync({ focusGroupId: group.id, finding: values });
            const linked = values.themeIds.map((id) => themeTitle.get(id)).filter(Boolean);
            notify(linked.length > 0 ? `Finding added and linked to ${linked.join(', ')}.` : 'Finding added.');
          }}
        />
      </div>
      <ConfirmDialog
        isOpen={deleting !== undefined}
        title={`Delete finding ${deleting?.number ?? ''}?`}
        confirmLabel="Delete finding"
        isPending={remove.isPending}
        onConfirm={() => void confirmDelete()}
        onCancel={() => setDeleting(undefined)}
      >
        <p className="quoted">“{deleting?.text}”</p>
        <p>It also disappears from the themes it informed. This cannot be undone.</p>
      </ConfirmDialog>
    </section>
  );
}
