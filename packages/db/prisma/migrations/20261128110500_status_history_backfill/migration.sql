-- Status moves recorded before the status history existed live only in the
-- audit trail, as `after.statusChange` ({ from, to, on, note }) of each
-- changeStatus event. Copied into the history, each once: a move already
-- there (same record, from, to and day) is skipped.

INSERT INTO "ObstacleStatusChange" ("id", "obstacleId", "fromStatus", "toStatus", "occurredOn", "note", "recordedBy", "createdAt")
SELECT gen_random_uuid(), moves."recordId", moves."from"::"ObstacleStatus", moves."to"::"ObstacleStatus", moves."on", moves."note", moves."holder", moves."occurredAt"
  FROM (SELECT a."recordId", a."holder", a."occurredAt",
               a."after"->'statusChange'->>'from' AS "from",
               a."after"->'statusChange'->>'to' AS "to",
               ((a."after"->'statusChange'->>'on')::timestamptz AT TIME ZONE 'UTC')::date AS "on",
               a."after"->'statusChange'->>'note' AS "note"
          FROM "AuditEvent" a
          JOIN "Obstacle" o ON o."id" = a."recordId"
         WHERE a."recordType" = 'Obstacle' AND a."action" = 'changeStatus' AND a."after" ? 'statusChange') moves
 WHERE NOT EXISTS (SELECT 1 FROM "ObstacleStatusChange" s
                    WHERE s."obstacleId" = moves."recordId" AND s."fromStatus"::text = moves."from"
                      AND s."toStatus"::text = moves."to" AND s."occurredOn" = moves."on");

INSERT INTO "InspectionFindingStatusChange" ("id", "findingId", "fromStatus", "toStatus", "occurredOn", "note", "recordedBy", "createdAt")
SELECT gen_random_uuid(), moves."recordId", moves."from"::"RectificationStatus", moves."to"::"RectificationStatus", moves."on", moves."note", moves."holder", moves."occurredAt"
  FROM (SELECT a."recordId", a."holder", a."occurredAt",
               a."after"->'statusChange'->>'from' AS "from",
               a."after"->'statusChange'->>'to' AS "to",
               ((a."after"->'statusChange'->>'on')::timestamptz AT TIME ZONE 'UTC')::date AS "on",
               a."after"->'statusChange'->>'note' AS "note"
          FROM "AuditEvent" a
          JOIN "InspectionFinding" f ON f."id" = a."recordId"
         WHERE a."recordType" = 'InspectionFinding' AND a."action" = 'changeStatus' AND a."after" ? 'statusChange') moves
 WHERE NOT EXISTS (SELECT 1 FROM "InspectionFindingStatusChange" s
                    WHERE s."findingId" = moves."recordId" AND s."fromStatus"::text = moves."from"
                      AND s."toStatus"::text = moves."to" AND s."occurredOn" = moves."on");
