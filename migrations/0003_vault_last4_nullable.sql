ALTER TABLE "secure_keys" ALTER COLUMN "last4" DROP NOT NULL;--> statement-breakpoint
-- Rows written before this kept the last 4 characters of every value, however short. SQL sees only the
-- value's UTF-8 byte length (ciphertext minus the 16-byte GCM tag); under 48 bytes it may have fewer
-- than 12 characters, so those lose their hint (rotating the value shows it again).
UPDATE "secure_keys" SET "last4" = NULL WHERE length(decode("ciphertext", 'base64')) - 16 < 48;
