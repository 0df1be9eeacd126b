import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Task } from '../../../contracts/followup.contracts.js';
import { Button, ErrorMessage, Table, TextField } from '../../ui/index.js';
import { formatDay, useCompleteTask } from './followup.api.js';

const daysLate = (due: string, today: string) => Math.round((Date.parse(today) - Date.parse(due)) / 86_400_000);

/** A dense task list with done / not done; "not done" asks for the reason inline. */
export function TaskTable({ caption, tasks, today }: { caption: string; tasks: Task[]; today: string }) {
  const { t } = useTranslation('today');
  const complete = useCompleteTask();
  const [noteFor, setNoteFor] = useState<string | null>(null);
  const [note, setNote] = useState('');
  return (
    <>
      {complete.error && <ErrorMessage error={complete.error} />}
      <Table
        caption={caption}
        hideCaption
        rowKey={(task) => task.id}
        rows={tasks}
        columns={[
          {
            key: 'title',
            header: t('tasks.task'),
            isRowHeader: true,
            render: (task) => (
              <span className="today-task">
                {task.title}
                {task.meetingId && (
                  <>
                    {' '}
                    <Link className="today-task__meta" to={`/verkostopalaverit/${task.meetingId}`}>
                      ({t('tasks.fromMeeting')})
                    </Link>
                  </>
                )}
              </span>
            ),
          },
          { key: 'client', header: t('tasks.client'), render: (task) => (task.clientName ? <Link to={`/asiakkaat/${task.clientId}`}>{task.clientName}</Link> : '–') },
          {
            key: 'due',
            header: t('tasks.due'),
            render: (task) => (
              <span className={task.overdue ? 'today-late' : undefined}>
                {formatDay(task.due)}
                {task.overdue && <> · {t('tasks.late', { count: daysLate(task.due, today) })}</>}
              </span>
            ),
          },
          {
            key: 'actions',
            header: t('tasks.actions'),
            render: (task) =>
              noteFor === task.id ? (
                <form
                  className="today-note"
                  onSubmit={(e) => {
                    e.preventDefault();
                    complete.mutate({ id: task.id, status: 'not-done', note }, { onSuccess: () => setNoteFor(null) });
                  }}
                >
                  <TextField label={t('tasks.noteLabel')} hint={t('tasks.noteHint')} value={note} onChange={(e) => setNote(e.target.value)} required autoFocus />
                  <Button type="submit" size="small" variant="primary" busy={complete.isPending}>
                    {t('tasks.save')}
                  </Button>{' '}
                  <Button size="small" variant="quiet" onClick={() => setNoteFor(null)}>
                    {t('tasks.cancel')}
                  </Button>
                </form>
              ) : (
                <span className="today-actions">
                  <Button size="small" disabled={complete.isPending} onClick={() => complete.mutate({ id: task.id, status: 'done' })}>
                    {t('tasks.done')}
                    <span className="visually-hidden">: {task.title}</span>
                  </Button>
                  <Button
                    size="small"
                    variant="quiet"
                    onClick={() => {
                      setNote('');
                      setNoteFor(task.id);
                    }}
                  >
                    {t('tasks.notDone')}
                    <span className="visually-hidden">: {task.title}</span>
                  </Button>
                </span>
              ),
          },
        ]}
      />
    </>
  );
}
