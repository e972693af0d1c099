import { useNavigate, useParams } from 'react-router';
import { pilotsPath } from '../../app/paths';
import { useCreatePilot, usePilot, useUpdatePilot } from './api';
import { ErrorMessage, Loading, PageHeader } from '../../ui/Page';
import { useNotices } from '../../ui/Notices';
import { PilotForm, defaultPilotDates } from './PilotForm';

export function NewPilotPage() {
  const navigate = useNavigate();
  const { notify } = useNotices();
  const create = useCreatePilot();
  return (
    <>
      <PageHeader title="New pilot" description="A pilot is one scheme or round: its own people, pairs, meetings and results." />
      <PilotForm
        initial={{ name: '', purpose: '', ...defaultPilotDates(), status: 'planning' }}
        submitLabel="Create pilot"
        onCancel={() => navigate(pilotsPath())}
        onSubmit={async (values) => {
          const pilot = await create.mutateAsync(values);
          notify(`Pilot “${pilot.name}” created.`);
          void navigate(pilotsPath());
        }}
      />
    </>
  );
}

export function EditPilotPage() {
  const { pilotId } = useParams();
  const id = Number(pilotId);
  const navigate = useNavigate();
  const { notify } = useNotices();
  const pilot = usePilot(id);
  const update = useUpdatePilot();
  if (pilot.isPending) return <Loading />;
  if (pilot.error) return <ErrorMessage error={pilot.error} />;
  const { name, purpose, startDate, endDate, status } = pilot.data;
  return (
    <>
      <PageHeader title={`Edit “${name}”`} />
      <PilotForm
        initial={{ name, purpose, startDate, endDate, status }}
        submitLabel="Save changes"
        serverPrefix="changes."
        onCancel={() => navigate(pilotsPath())}
        onSubmit={async (values) => {
          await update.mutateAsync({ id, changes: values });
          notify('Changes saved.');
          void navigate(pilotsPath());
        }}
      />
    </>
  );
}
