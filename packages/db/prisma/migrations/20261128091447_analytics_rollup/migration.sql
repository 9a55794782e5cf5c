-- CreateTable
CREATE TABLE "InvestmentRollup" (
    "programmeId" UUID NOT NULL,
    "month" DATE NOT NULL,
    "campaignId" UUID NOT NULL,
    "clusterId" UUID NOT NULL,
    "sectorId" UUID NOT NULL,
    "parkId" UUID NOT NULL,
    "visibility" "Visibility" NOT NULL,
    "investmentVisibility" "Visibility" NOT NULL,
    "archived" BOOLEAN NOT NULL,
    "amount" DECIMAL(24,2) NOT NULL,
    "records" INTEGER NOT NULL,

    CONSTRAINT "InvestmentRollup_pkey" PRIMARY KEY ("programmeId","month","campaignId","clusterId","sectorId","parkId","visibility","investmentVisibility","archived")
);

-- CreateIndex
CREATE INDEX "Project_programmeId_visibility_archivedAt_id_idx" ON "Project"("programmeId", "visibility", "archivedAt", "id");


-- Everything below is written by hand: Prisma's schema language has no
-- extended statistics, functions or triggers.

-- CreateStatistics
-- How many combinations of campaign, cluster, sector and park the projects
-- really have. Without it the planner multiplies the four columns' distinct
-- counts and expects far more groups than there are when projects are
-- grouped by them, and picks slower plans (sorting instead of hashing, one
-- core instead of several).
CREATE STATISTICS "Project_dimensions_stat" (ndistinct) ON "campaignId", "clusterId", "sectorId", "parkId" FROM "Project";

-- InvestmentRollup: completed investment summed by programme, month and the
-- project attributes the analytics filter and group on (see schema.prisma).

-- Adds an amount (negative: takes it away) to the sum for a project's key and a month.
CREATE FUNCTION "investment_rollup_add"(project "Project", record_month DATE, delta_amount NUMERIC, delta_records INTEGER)
RETURNS VOID LANGUAGE sql AS $$
  INSERT INTO "InvestmentRollup" AS sums
         ("programmeId", "month", "campaignId", "clusterId", "sectorId", "parkId", "visibility", "investmentVisibility", "archived", "amount", "records")
  VALUES (project."programmeId", record_month, project."campaignId",
          COALESCE(project."clusterId", '00000000-0000-0000-0000-000000000000'),
          COALESCE(project."sectorId", '00000000-0000-0000-0000-000000000000'),
          COALESCE(project."parkId", '00000000-0000-0000-0000-000000000000'),
          project."visibility", project."investmentVisibility", project."archivedAt" IS NOT NULL, delta_amount, delta_records)
  ON CONFLICT ("programmeId", "month", "campaignId", "clusterId", "sectorId", "parkId", "visibility", "investmentVisibility", "archived")
  DO UPDATE SET "amount" = sums."amount" + EXCLUDED."amount", "records" = sums."records" + EXCLUDED."records";
$$;

-- A monthly record written, corrected or deleted: its amount moves in or out of its project's sum.
CREATE FUNCTION "investment_record_rollup"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
  project "Project";
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."projectId" = NEW."projectId" AND OLD."month" = NEW."month" THEN
    -- FOR SHARE waits for a concurrent change of the project's key, so that the amount lands under the key that stands.
    SELECT * INTO project FROM "Project" WHERE id = NEW."projectId" FOR SHARE;
    PERFORM "investment_rollup_add"(project, NEW."month", NEW."amount" - OLD."amount", 0);
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT * INTO project FROM "Project" WHERE id = OLD."projectId" FOR SHARE;
    -- A project's records are deleted after it (ON DELETE CASCADE); its own trigger took them out already.
    IF FOUND THEN
      PERFORM "investment_rollup_add"(project, OLD."month", -OLD."amount", -1);
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT * INTO project FROM "Project" WHERE id = NEW."projectId" FOR SHARE;
    PERFORM "investment_rollup_add"(project, NEW."month", NEW."amount", 1);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "InvestmentRecord_rollup"
AFTER INSERT OR DELETE OR UPDATE OF "projectId", "month", "amount" ON "InvestmentRecord"
FOR EACH ROW EXECUTE FUNCTION "investment_record_rollup"();

-- A project moved to another campaign, cluster, sector, park or programme, made more or less
-- visible, archived or brought back: its records' amounts move from its old key to its new one.
-- Deleted: they are taken out. Sums are touched in one order (month, then key), so that two such
-- moves at once cannot deadlock.
CREATE FUNCTION "project_investment_rollup"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM "investment_rollup_add"(OLD, r."month", -r."amount", -1)
       FROM "InvestmentRecord" r WHERE r."projectId" = OLD.id ORDER BY r."month";
    RETURN OLD;
  END IF;
  IF (OLD."programmeId", OLD."campaignId", OLD."clusterId", OLD."sectorId", OLD."parkId",
      OLD."visibility", OLD."investmentVisibility", OLD."archivedAt" IS NULL)
     IS DISTINCT FROM
     (NEW."programmeId", NEW."campaignId", NEW."clusterId", NEW."sectorId", NEW."parkId",
      NEW."visibility", NEW."investmentVisibility", NEW."archivedAt" IS NULL) THEN
    PERFORM "investment_rollup_add"(moves.project, moves."month", moves.amount, moves.records)
       FROM (SELECT OLD AS project, r."month", -r."amount" AS amount, -1 AS records FROM "InvestmentRecord" r WHERE r."projectId" = OLD.id
             UNION ALL
             SELECT NEW, r."month", r."amount", 1 FROM "InvestmentRecord" r WHERE r."projectId" = NEW.id) moves
      ORDER BY moves."month", (moves.project)."programmeId", (moves.project)."campaignId", (moves.project)."clusterId",
               (moves.project)."sectorId", (moves.project)."parkId", (moves.project)."visibility",
               (moves.project)."investmentVisibility", (moves.project)."archivedAt" IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Project_investment_rollup"
AFTER UPDATE OF "programmeId", "campaignId", "clusterId", "sectorId", "parkId", "visibility", "investmentVisibility", "archivedAt" ON "Project"
FOR EACH ROW EXECUTE FUNCTION "project_investment_rollup"();

CREATE TRIGGER "Project_investment_rollup_delete"
BEFORE DELETE ON "Project"
FOR EACH ROW EXECUTE FUNCTION "project_investment_rollup"();

-- Rebuilds the sums from the records: for bulk loads that bypass triggers
-- (the benchmark's generator), or whenever they are in doubt.
CREATE FUNCTION "investment_rollup_rebuild"() RETURNS VOID LANGUAGE sql AS $$
  DELETE FROM "InvestmentRollup";
  INSERT INTO "InvestmentRollup"
         ("programmeId", "month", "campaignId", "clusterId", "sectorId", "parkId", "visibility", "investmentVisibility", "archived", "amount", "records")
  SELECT p."programmeId", r."month", p."campaignId",
         COALESCE(p."clusterId", '00000000-0000-0000-0000-000000000000'),
         COALESCE(p."sectorId", '00000000-0000-0000-0000-000000000000'),
         COALESCE(p."parkId", '00000000-0000-0000-0000-000000000000'),
         p."visibility", p."investmentVisibility", p."archivedAt" IS NOT NULL, sum(r."amount"), count(*)
    FROM "InvestmentRecord" r JOIN "Project" p ON p.id = r."projectId"
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
$$;

SELECT "investment_rollup_rebuild"();
