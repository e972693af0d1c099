import { useNavigate, useParams } from 'react-router';
import { call } from '../../api';
import { useChannel, queryClient } from '../../queries';
import { ErrorMessage, Loading, PageHeader } from '../../ui/Page';
import { useNotices } from '../../ui/Notices';
import { PilotForm, defaultPilotDates } from './PilotForm';

const refreshPilots = () => queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('pilots.') });

export function NewPilotPage() {
  const navigate = useNavigate();
  const { notify } = useNotices();
  return (
    <>
      <PageHeader title="New pilot" description="A pilot is one scheme or round: its own people, pairs, meetings and results." />
      <PilotForm
        initial={{ name: '', purpose: '', ...defaultPilotDates(), status: 'planning' }}
        submitLabel="Create pilot"
        onCancel={() => navigate('/pilots')}
        onSubmit={async (values) => {
          const pilot = await call('pilots.create', values);
          await refreshPilots();
          notify(`Pilot “${pilot.name}” created.`);
          navigate('/pilots');
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
  const pilot = useChannel('pilots.get', { id });
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
        onCancel={() => navigate('/pilots')}
        onSubmit={async (values) => {
          await call('pilots.update', { id, changes: values });
          await refreshPilots();
          notify('Changes saved.');
          navigate('/pilots');
        }}
      />
    </>
  );
}
