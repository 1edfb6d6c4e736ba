CREATE SEQUENCE "public"."change_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job_id" uuid NOT NULL,
	"role" text NOT NULL,
	"source_url" text NOT NULL,
	"storage_key" text,
	"content_type" text,
	"bytes" bigint,
	"sha256" text,
	"state" text DEFAULT 'pending' NOT NULL,
	"error" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "files_state" CHECK ("files"."state" in ('pending','stored','failed'))
);
--> statement-breakpoint
CREATE TABLE "job_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"job_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text NOT NULL,
	"progress" integer,
	"instance" text,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"trace_id" text NOT NULL,
	"task_id" text,
	"request" jsonb NOT NULL,
	"delivery" text NOT NULL,
	"mode" text,
	"parent" jsonb,
	"parent_job_id" uuid,
	"target" jsonb,
	"progress" integer DEFAULT 0 NOT NULL,
	"result" jsonb,
	"error" jsonb,
	"note" jsonb,
	"attempts" integer DEFAULT 1 NOT NULL,
	"member_id" uuid,
	"send_state" text DEFAULT 'unsent' NOT NULL,
	"command" jsonb,
	"owner" text,
	"lease_until" timestamp with time zone,
	"rev" bigint DEFAULT nextval('change_seq') NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "jobs_status" CHECK ("jobs"."status" in ('queued','running','done','failed','stalled','cancelled')),
	CONSTRAINT "jobs_send_state" CHECK ("jobs"."send_state" in ('unsent','sending','sent'))
);
--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_events" ADD CONSTRAINT "job_events_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "files_job_role" ON "files" USING btree ("job_id","role");--> statement-breakpoint
CREATE INDEX "job_events_job" ON "job_events" USING btree ("job_id","id");--> statement-breakpoint
CREATE INDEX "jobs_newest" ON "jobs" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "jobs_rev" ON "jobs" USING btree ("rev");--> statement-breakpoint
CREATE INDEX "jobs_member_newest" ON "jobs" USING btree ("member_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "jobs_active" ON "jobs" USING btree ("lease_until") WHERE status in ('queued','running','stalled');--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_trace" ON "jobs" USING btree ("trace_id");