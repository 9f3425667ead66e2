-- インフルエンザ予防接種補助: whether 任意継続・特例退職 households (the 被保険者 and their
-- 被扶養者) are covered, now that the roster tells them apart (V46). DOMAIN.md §5: most kenpo
-- include them (NEC, Kaneka, 卸, 東京ドーム), some leave them to paper (大和). Existing seasons keep
-- what they did: 任意継続 counted as 被保険者.
alter table flu_season add column continued_eligible boolean not null default true;
update flu_season set continued_eligible = insured_eligible;
