import { useJobs } from '../../jobs/store';
import { JobCard } from './job-card';

/** The studio's feed: every job, newest first. */
export function Feed() {
  const order = useJobs((s) => s.order);
  return (
    <section className="feed" aria-label="Feed">
      {order.length === 0 ? (
        <div className="empty-state">
          <p>Nothing here yet.</p>
          <p>Write a prompt and press Imagine — your pictures will form here, live.</p>
        </div>
      ) : (
        order.map((id) => <JobCard key={id} jobId={id} />)
      )}
    </section>
  );
}
